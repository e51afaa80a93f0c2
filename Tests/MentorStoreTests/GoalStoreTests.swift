import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct GoalStoreTests {
    @Test func storesAGoalAndListsActiveOnesByDefault() async throws {
        let fixture = try StoreFixture()
        let sam = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        let first = try await fixture.goals.add(
            relationshipID: sam.id, statement: " Lead a design review ", successCriteria: "Ran one\nGot feedback",
            targetDate: "2027-03-31", now: fixture.now)
        #expect(first.statement == "Lead a design review" && first.successCriteria == "Ran one\nGot feedback")
        #expect(first.targetDate == "2027-03-31" && first.status == .active && first.closedAt == nil)
        let second = try await fixture.goals.add(relationshipID: sam.id, statement: "Write more", now: fixture.now)
        #expect(try await fixture.goals.list(relationshipID: sam.id) == [first, second])

        let later = fixture.now.addingTimeInterval(3600)
        let done = try await fixture.goals.setStatus(id: first.id, to: .done, now: later)
        #expect(done.status == .done && done.closedAt == later)
        #expect(try await fixture.goals.list(relationshipID: sam.id) == [second])
        #expect(try await fixture.goals.list(relationshipID: sam.id, includeClosed: true) == [done, second])
    }

    @Test func keepsTheFirstClosingDateAndReopens() async throws {
        let fixture = try StoreFixture()
        let sam = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        let goal = try await fixture.goals.add(relationshipID: sam.id, statement: "Speak up", now: fixture.now)
        let dropped = try await fixture.goals.setStatus(id: goal.id, to: .dropped, now: fixture.now)
        #expect(try await fixture.goals.setStatus(id: goal.id, to: .dropped, now: fixture.now + 60) == dropped)
        let reopened = try await fixture.goals.setStatus(id: goal.id, to: .active, now: fixture.now + 120)
        #expect(reopened.status == .active && reopened.closedAt == nil)
    }

    @Test func refusesBadGoalsAndUnknownIds() async throws {
        let fixture = try StoreFixture()
        let sam = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        let long = String(repeating: "g", count: MentoringLimits.itemLength + 1)
        await #expect(throws: MeetingValidationError.textTooLong(field: "statement", length: 501, limit: 500)) {
            try await fixture.goals.add(relationshipID: sam.id, statement: long, now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.multilineText(field: "statement")) {
            try await fixture.goals.add(relationshipID: sam.id, statement: "a\nb", now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.invalidDay(field: "targetDate", text: "2027-13-01")) {
            try await fixture.goals.add(
                relationshipID: sam.id, statement: "x", targetDate: "2027-13-01", now: fixture.now)
        }
        await #expect(throws: StoreError.noSuchRelationship(id: 42)) {
            try await fixture.goals.add(relationshipID: 42, statement: "x", now: fixture.now)
        }
        await #expect(throws: StoreError.noSuchGoal(id: 42)) {
            try await fixture.goals.setStatus(id: 42, to: .done, now: fixture.now)
        }
        #expect(try fixture.rows(in: "goal") == 0)
    }
}

struct OfferStoreTests {
    @Test func storesOffersAndMarksThemDeliveredOnce() async throws {
        let fixture = try StoreFixture()
        let ana = try await fixture.relationships.add(partner: "Ana", role: .mentor, now: fixture.now)
        let book = try await fixture.offers.add(
            relationshipID: ana.id, kind: .resource, description: "Staff Engineer (book)", now: fixture.now)
        let intro = try await fixture.offers.add(
            relationshipID: ana.id, kind: .introduction, description: "Priya, payments", now: fixture.now)
        #expect(book.status == .offered && book.deliveredAt == nil && intro.kind == .introduction)

        let later = fixture.now.addingTimeInterval(86_400)
        let delivered = try await fixture.offers.markDelivered(id: book.id, now: later)
        #expect(delivered.status == .delivered && delivered.deliveredAt == later)
        #expect(try await fixture.offers.markDelivered(id: book.id, now: later + 60) == delivered)
        #expect(try await fixture.offers.list(relationshipID: ana.id) == [intro])
        #expect(try await fixture.offers.list(relationshipID: ana.id, includeDelivered: true) == [delivered, intro])
        await #expect(throws: StoreError.noSuchOffer(id: 99)) {
            try await fixture.offers.markDelivered(id: 99, now: later)
        }
        await #expect(throws: MeetingValidationError.emptyText(field: "description")) {
            try await fixture.offers.add(relationshipID: ana.id, kind: .resource, description: " ", now: later)
        }
    }
}
