import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct AnswerStoreTests {
    @Test func recordsAStepsAnswersAndReplacesEachByItsPrompt() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let stored = try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .preparation,
            answers: [("What is open?", " The draft \n"), ("What will I ask?", "About scope")], now: fixture.now)
        #expect(stored.map(\.text) == ["The draft", "About scope"])
        #expect(stored.allSatisfy { $0.step == .preparation && $0.answeredAt == fixture.now })
        try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .purpose, answers: [("Why?", "Promotion")],
            now: fixture.now)
        #expect(
            try await fixture.answers.answers(meetingID: meeting.id, occurrence: meeting.start).map(\.step) == [
                .purpose, .preparation, .preparation,
            ], "in step order, not name order")

        let later = fixture.now.addingTimeInterval(60)
        let second = try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .preparation,
            answers: [("What will I ask?", "About the budget")], now: later)
        #expect(
            second.map(\.text) == ["The draft", "About the budget"],
            "answering one prompt again keeps the other's answer, and its place")
        let again = try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .preparation,
            answers: [("What is open?", "Nothing"), ("What will I ask?", "  ")], now: later)
        #expect(again.map(\.prompt) == ["What is open?"], "a blank answer removes its prompt's answer")
        let all = try await fixture.answers.answers(meetingID: meeting.id, occurrence: meeting.start)
        #expect(all.map(\.text) == ["Promotion", "Nothing"])
        try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .purpose, answers: [], now: later)
        #expect(try await fixture.answers.answers(meetingID: meeting.id, occurrence: meeting.start) == all)
    }

    @Test func listsARelationshipsAnswersByOccurrence() async throws {
        let fixture = try StoreFixture()
        let later = try await fixture.meeting("Later", inHours: 48)
        let sooner = try await fixture.meeting("Sooner", inHours: 24)
        let other = try await fixture.meeting("Other", with: "Ana", inHours: 30)
        for meeting in [later, sooner, other] {
            try await fixture.answers.record(
                meetingID: meeting.id, occurrence: meeting.start, step: .plan, answers: [("Next?", meeting.title)],
                now: fixture.now)
        }
        let answers = try await fixture.answers.answers(relationshipID: sooner.relationship.id)
        #expect(answers.map(\.text) == ["Sooner", "Later"])
    }

    @Test func refusesAnswersForUnknownOccurrencesAndOversizedOnes() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        await #expect(throws: StoreError.noSuchMeeting(id: 99)) {
            try await fixture.answers.record(
                meetingID: 99, occurrence: meeting.start, step: .plan, answers: [("Q", "A")], now: fixture.now)
        }
        let elsewhen = meeting.start.addingTimeInterval(3600)
        await #expect(throws: StoreError.noSuchOccurrence(id: meeting.id, occurrence: elsewhen)) {
            try await fixture.answers.record(
                meetingID: meeting.id, occurrence: elsewhen, step: .plan, answers: [("Q", "A")], now: fixture.now)
        }
        let long = String(repeating: "a", count: MentoringLimits.answerLength + 1)
        await #expect(throws: MeetingValidationError.textTooLong(field: "answer", length: 10_001, limit: 10_000)) {
            try await fixture.answers.record(
                meetingID: meeting.id, occurrence: meeting.start, step: .plan, answers: [("Q", long)], now: fixture.now)
        }
        let many = Array(repeating: (prompt: "Q", answer: "A"), count: MentoringLimits.answersPerStep + 1)
        await #expect(throws: MeetingValidationError.tooMany(field: "answers", count: 51, limit: 50)) {
            try await fixture.answers.record(
                meetingID: meeting.id, occurrence: meeting.start, step: .plan, answers: many, now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.emptyText(field: "prompt")) {
            try await fixture.answers.record(
                meetingID: meeting.id, occurrence: meeting.start, step: .plan, answers: [(" ", "A")], now: fixture.now)
        }
        #expect(try fixture.rows(in: "answer") == 0)
    }

    @Test func keepsAnswersOfEachOccurrenceOfASeriesApart() async throws {
        let fixture = try StoreFixture()
        var draft = try fixture.draft()
        draft.recurrence = Recurrence.named("weekly")
        let series = try await fixture.store.add(draft, now: fixture.now)
        let next = series.start.addingTimeInterval(7 * 86_400)
        for (occurrence, text) in [(series.start, "first"), (next, "second")] {
            try await fixture.answers.record(
                meetingID: series.id, occurrence: occurrence, step: .purpose, answers: [("Why?", text)],
                now: fixture.now)
        }
        #expect(try await fixture.answers.answers(meetingID: series.id, occurrence: next).map(\.text) == ["second"])
    }
}
