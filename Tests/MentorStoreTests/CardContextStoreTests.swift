import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct CardContextStoreTests {
    @Test func readsWhatACardDrawsOnInOneGo() async throws {
        let fixture = try StoreFixture()
        let earlier = try await fixture.meeting("Earlier", inHours: 24)
        let meeting = try await fixture.meeting("Next", inHours: 48)
        let other = try await fixture.meeting("Elsewhere", with: "Ana", inHours: 36)
        let relationship = meeting.relationship.id
        let goal = try await fixture.goals.add(
            relationshipID: relationship, statement: "Lead a project", now: fixture.now)
        let closed = try await fixture.goals.add(relationshipID: relationship, statement: "Old goal", now: fixture.now)
        _ = try await fixture.goals.setStatus(id: closed.id, to: .done, now: fixture.now)
        let action = try await fixture.actionItems.add(
            relationshipID: relationship, text: "Send the draft", owner: .me, now: fixture.now)
        let done = try await fixture.actionItems.add(
            relationshipID: relationship, text: "Book a room", owner: .partner, now: fixture.now)
        _ = try await fixture.actionItems.setStatus(id: done.id, to: .done, now: fixture.now)
        let topic = try await fixture.topics.add(
            relationshipID: relationship, text: "Conference talk", now: fixture.now)
        _ = try await fixture.topics.add(relationshipID: other.relationship.id, text: "Not ours", now: fixture.now)
        try await fixture.captures.save(
            Capture(meetingID: earlier.id, occurrence: earlier.start, summary: "Scoped it", capturedAt: fixture.now))
        try await fixture.occurrenceGoals.setGoal("Agree the plan", meetingID: meeting.id, occurrence: meeting.start)
        let offer = try await fixture.offers.add(
            relationshipID: relationship, kind: .introduction, description: "Intro to Kim", now: fixture.now)
        let delivered = try await fixture.offers.add(
            relationshipID: relationship, kind: .resource, description: "The book", now: fixture.now)
        _ = try await fixture.offers.markDelivered(id: delivered.id, now: fixture.now)
        let reviewed = fixture.now.addingTimeInterval(3600)
        _ = try await fixture.relationships.changePhase(id: relationship, to: .initiation, now: reviewed)

        let context = try await CardContextStore(database: fixture.database).context(
            relationshipID: relationship, meetingID: meeting.id, occurrence: meeting.start)
        #expect(context.activeGoal?.id == goal.id)
        #expect(context.agreedGoal == "Agree the plan")
        #expect(context.lastCapture?.summary == "Scoped it")
        #expect(context.openActions.map(\.id) == [action.id])
        #expect(context.openTopics.map(\.id) == [topic.id])
        #expect(context.openOffers.map(\.id) == [offer.id])
        #expect(context.phaseSince == reviewed)
        #expect(context.earlierOccurrences == 1, "the earlier meeting of the relationship, not Ana's")

        // The earlier occurrence: no capture before it, no goal agreed for it.
        let first = try await CardContextStore(database: fixture.database).context(
            relationshipID: relationship, meetingID: earlier.id, occurrence: earlier.start)
        #expect(first.lastCapture == nil && first.agreedGoal == nil && first.earlierOccurrences == 0)
        await #expect(throws: StoreError.noSuchRelationship(id: 999)) {
            try await CardContextStore(database: fixture.database).context(
                relationshipID: 999, meetingID: meeting.id, occurrence: meeting.start)
        }
    }
}
