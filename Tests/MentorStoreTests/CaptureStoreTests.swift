import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct CaptureStoreTests {
    @Test func savesACaptureAndReplacesItWhenSavedAgain() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let next = Date(millisecondsSince1970: 1_797_000_000_123)
        let first = try await fixture.captures.save(
            Capture(
                meetingID: meeting.id, occurrence: meeting.start, summary: " Talked scope ", reflection: "Listen more",
                privateNote: "Tired", usefulness: 4, relationshipRating: 5, feedbackGiven: "Clear slides",
                feedbackReceived: "Ask sooner", nextStart: next, nextGoal: "Agree the plan", capturedAt: fixture.now))
        #expect(first.summary == "Talked scope")
        #expect(try await fixture.captures.capture(meetingID: meeting.id, occurrence: meeting.start) == first)

        var edited = first
        edited.summary = "Talked scope and dates"
        edited.usefulness = nil
        edited.nextStart = nil
        edited.capturedAt = fixture.now.addingTimeInterval(60)
        try await fixture.captures.save(edited)
        #expect(try await fixture.captures.capture(meetingID: meeting.id, occurrence: meeting.start) == edited)
        #expect(try fixture.rows(in: "capture") == 1)
        #expect(try await fixture.captures.capture(meetingID: meeting.id, occurrence: next) == nil)
    }

    @Test func findsTheLatestCaptureBeforeAnInstant() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.meeting("First", inHours: 24)
        let second = try await fixture.meeting("Second", inHours: 48)
        let third = try await fixture.meeting("Third", inHours: 72)
        let elsewhere = try await fixture.meeting("Elsewhere", with: "Ana", inHours: 60)
        for meeting in [second, first, elsewhere] {
            try await fixture.captures.save(
                Capture(
                    meetingID: meeting.id, occurrence: meeting.start, summary: meeting.title, capturedAt: fixture.now))
        }
        let relationship = first.relationship.id
        #expect(
            try await fixture.captures.latest(relationshipID: relationship, before: third.start)?.summary == "Second")
        #expect(
            try await fixture.captures.latest(relationshipID: relationship, before: second.start)?.summary == "First")
        #expect(try await fixture.captures.latest(relationshipID: relationship, before: first.start) == nil)
        #expect(
            try await fixture.captures.captures(relationshipID: relationship).map(\.summary) == ["First", "Second"])
    }

    @Test func refusesRatingsOutOfRangeAndUnknownOccurrences() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        await #expect(throws: MeetingValidationError.ratingOutOfRange(field: "usefulness", value: 6)) {
            try await fixture.captures.save(
                Capture(meetingID: meeting.id, occurrence: meeting.start, usefulness: 6, capturedAt: fixture.now))
        }
        await #expect(throws: MeetingValidationError.ratingOutOfRange(field: "relationshipRating", value: 0)) {
            try await fixture.captures.save(
                Capture(
                    meetingID: meeting.id, occurrence: meeting.start, relationshipRating: 0, capturedAt: fixture.now))
        }
        let elsewhen = meeting.start.addingTimeInterval(-60)
        await #expect(throws: StoreError.noSuchOccurrence(id: meeting.id, occurrence: elsewhen)) {
            try await fixture.captures.save(
                Capture(meetingID: meeting.id, occurrence: elsewhen, capturedAt: fixture.now))
        }
        #expect(try fixture.rows(in: "capture") == 0)
    }
}

struct OccurrenceGoalStoreTests {
    @Test func setsReplacesAndClearsTheGoalOfAnOccurrence() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        #expect(try await fixture.occurrenceGoals.goal(meetingID: meeting.id, occurrence: meeting.start) == nil)
        try await fixture.occurrenceGoals.setGoal(" Agree the plan ", meetingID: meeting.id, occurrence: meeting.start)
        try await fixture.occurrenceGoals.setGoal("Agree the dates", meetingID: meeting.id, occurrence: meeting.start)
        #expect(
            try await fixture.occurrenceGoals.goal(meetingID: meeting.id, occurrence: meeting.start)
                == "Agree the dates")
        try await fixture.occurrenceGoals.setGoal("", meetingID: meeting.id, occurrence: meeting.start)
        #expect(try await fixture.occurrenceGoals.goal(meetingID: meeting.id, occurrence: meeting.start) == nil)
        await #expect(throws: StoreError.noSuchMeeting(id: 99)) {
            try await fixture.occurrenceGoals.setGoal("x", meetingID: 99, occurrence: meeting.start)
        }
    }
}
