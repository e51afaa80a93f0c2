import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct ActionItemStoreTests {
    @Test func storesItemsWithTheirOriginAndListsOpenOnes() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let origin = MeetingOccurrence(meetingID: meeting.id, occurrence: meeting.start)
        let id = meeting.relationship.id
        let draft = try await fixture.actionItems.add(
            relationshipID: id, text: " Send the draft ", owner: .me, dueOn: "2026-12-10", origin: origin,
            now: fixture.now)
        #expect(draft.text == "Send the draft" && draft.owner == .me && draft.dueOn == "2026-12-10")
        #expect(draft.origin == origin && draft.status == .open && draft.timesCarried == 0)
        let intro = try await fixture.actionItems.add(
            relationshipID: id, text: "Intro to Priya", owner: .partner, now: fixture.now)
        #expect(intro.origin == nil)
        #expect(try await fixture.actionItems.item(id: draft.id) == draft)

        let later = fixture.now.addingTimeInterval(3600)
        let done = try await fixture.actionItems.setStatus(id: draft.id, to: .done, now: later)
        #expect(done.status == .done && done.closedAt == later)
        #expect(try await fixture.actionItems.setStatus(id: draft.id, to: .done, now: later + 60) == done)
        #expect(try await fixture.actionItems.open(relationshipID: id) == [intro])
        #expect(try await fixture.actionItems.list(relationshipID: id, status: .done) == [done])
        #expect(try await fixture.actionItems.list(relationshipID: id) == [done, intro])

        let reopened = try await fixture.actionItems.setStatus(id: draft.id, to: .open, now: later + 120)
        #expect(reopened.status == .open && reopened.closedAt == nil)
        let dropped = try await fixture.actionItems.setStatus(id: intro.id, to: .dropped, now: later + 180)
        #expect(try await fixture.actionItems.open(relationshipID: id) == [reopened])
        #expect(try await fixture.actionItems.list(relationshipID: id, status: .dropped) == [dropped])
    }

    @Test func countsTheMeetingsAnItemWasCarriedThrough() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.meeting("First", inHours: 24)
        let second = try await fixture.meeting("Second", inHours: 48)
        let third = try await fixture.meeting("Third", inHours: 72)
        let id = first.relationship.id
        let item = try await fixture.actionItems.add(
            relationshipID: id, text: "Send the draft", owner: .both,
            origin: MeetingOccurrence(meetingID: first.id, occurrence: first.start), now: fixture.now)
        let closed = try await fixture.actionItems.add(
            relationshipID: id, text: "Book a room", owner: .me, now: fixture.now)
        let captureTime = { (meeting: Meeting) in meeting.start.addingTimeInterval(3600) }
        for meeting in [first, second] {
            try await fixture.captures.save(
                Capture(meetingID: meeting.id, occurrence: meeting.start, capturedAt: captureTime(meeting)))
        }
        _ = try await fixture.actionItems.setStatus(id: closed.id, to: .done, now: captureTime(second) + 60)
        try await fixture.captures.save(
            Capture(meetingID: third.id, occurrence: third.start, capturedAt: captureTime(third)))
        let items = try await fixture.actionItems.list(relationshipID: id)
        #expect(items.map(\.timesCarried) == [2, 2], "not the origin meeting; not after the item was closed")
        let captureAgain = Capture(
            meetingID: third.id, occurrence: third.start, summary: "x", capturedAt: captureTime(third))
        try await fixture.captures.save(captureAgain)
        #expect(try await fixture.actionItems.item(id: item.id).timesCarried == 2, "a capture saved twice counts once")
    }

    @Test func refusesAnOriginOutsideTheRelationshipAndUnknownIds() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let ana = try await fixture.relationships.add(partner: "Ana", role: .mentor, now: fixture.now)
        await #expect(throws: StoreError.meetingNotInRelationship(meetingID: meeting.id, relationshipID: ana.id)) {
            try await fixture.actionItems.add(
                relationshipID: ana.id, text: "x", owner: .me,
                origin: MeetingOccurrence(meetingID: meeting.id, occurrence: meeting.start), now: fixture.now)
        }
        await #expect(throws: StoreError.noSuchRelationship(id: 99)) {
            try await fixture.actionItems.add(relationshipID: 99, text: "x", owner: .me, now: fixture.now)
        }
        await #expect(throws: StoreError.noSuchRelationship(id: 99)) {
            try await fixture.actionItems.open(relationshipID: 99)
        }
        await #expect(throws: StoreError.noSuchActionItem(id: 99)) {
            try await fixture.actionItems.setStatus(id: 99, to: .done, now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.invalidDay(field: "dueOn", text: "tomorrow")) {
            try await fixture.actionItems.add(
                relationshipID: ana.id, text: "x", owner: .me, dueOn: "tomorrow", now: fixture.now)
        }
        #expect(try fixture.rows(in: "action_item") == 0)
    }

    @Test func keepsAnItemWhenItsOriginMeetingIsDeleted() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let item = try await fixture.actionItems.add(
            relationshipID: meeting.relationship.id, text: "Send the draft", owner: .me,
            origin: MeetingOccurrence(meetingID: meeting.id, occurrence: meeting.start), now: fixture.now)
        try await fixture.store.delete(id: meeting.id)
        let kept = try await fixture.actionItems.item(id: item.id)
        #expect(kept.origin == nil && kept.text == item.text && kept.status == .open)
    }
}

struct TopicStoreTests {
    @Test func parksTopicsAndListsOpenOnes() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let id = meeting.relationship.id
        let origin = MeetingOccurrence(meetingID: meeting.id, occurrence: meeting.start)
        let conferences = try await fixture.topics.add(
            relationshipID: id, text: "Conferences", origin: origin, now: fixture.now)
        let salary = try await fixture.topics.add(relationshipID: id, text: "Salary talk", now: fixture.now)
        #expect(conferences.origin == origin && conferences.status == .open)
        let discussed = try await fixture.topics.setStatus(id: conferences.id, to: .done, now: fixture.now + 60)
        #expect(discussed.closedAt == fixture.now + 60)
        #expect(try await fixture.topics.open(relationshipID: id) == [salary])
        #expect(try await fixture.topics.list(relationshipID: id) == [discussed, salary])
        #expect(try await fixture.topics.topic(id: salary.id) == salary)
        await #expect(throws: StoreError.noSuchTopic(id: 99)) {
            try await fixture.topics.setStatus(id: 99, to: .dropped, now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.emptyText(field: "text")) {
            try await fixture.topics.add(relationshipID: id, text: "\n", now: fixture.now)
        }
    }

    @Test func countsCarriesFromCreationWithoutAnOrigin() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.meeting("First", inHours: 24)
        let topic = try await fixture.topics.add(
            relationshipID: first.relationship.id, text: "Salary", now: fixture.now)
        try await fixture.captures.save(
            Capture(meetingID: first.id, occurrence: first.start, capturedAt: first.start + 3600))
        #expect(try await fixture.topics.topic(id: topic.id).timesCarried == 1)
    }
}
