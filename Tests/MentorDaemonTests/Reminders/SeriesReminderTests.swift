import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// Repeating meetings through the whole daemon: the next occurrence is prepared once the last one
/// happened (PRODUCT rule 2), moves keep what was shown and done, and every occurrence reminds.
struct SeriesReminderTests {
    let noon = InProcessDaemon.tuesdayNoon

    /// The case that failed every afternoon: today's occurrence of a daily series moves later, and
    /// tomorrow's Purpose, whose own time (10:00 today) has passed, must wait for today's meeting.
    @Test func holdsTheNextOccurrenceBackUntilTheMovedOneEnded() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let today = noon.addingTimeInterval(3600)
        let id = try await daemon.add(
            in: 3600 - 86_400,
            offsets: "purpose=1d,preparation=2h,plan=off,participation=off,capture=off,capture_again=off",
            title: "Daily", duration: "1h", recurrence: "daily")
        #expect(await watcher.cards(count: 1).first?.steps == [.purpose, .preparation])
        let moved = try await daemon.call(
            MoveOccurrence.self,
            .init(id: id, occurrence: RFC3339.utc(today), to: RFC3339.utc(today.addingTimeInterval(1800))))
        #expect(moved.meeting.id == id)
        // Today's meeting now ends at 14:30; tomorrow's Purpose (due 10:00 today) waits for that.
        try await daemon.advance(to: noon.addingTimeInterval(2.5 * 3600 - 1))
        #expect(
            try await daemon.cards(of: watcher).count == 1,
            "the moved occurrence's steps are not shown again; tomorrow waits")
        try await daemon.advance(to: noon.addingTimeInterval(2.5 * 3600 + 1))
        let next = try #require(await watcher.cards(count: 2).last)
        #expect(next.steps == [.purpose] && next.late)
        #expect(next.occurrence == RFC3339.utc(today.addingTimeInterval(86_400)))
        #expect(Date(wire: next.dueAt) == noon.addingTimeInterval(2.5 * 3600))
        try await daemon.stop()
    }

    /// Monday and Thursday with Purpose three days ahead: Thursday's Purpose would fall on Monday
    /// morning, before Monday's meeting; it comes when Monday's meeting is over.
    @Test func preparesATwiceWeeklyMeetingAfterThePreviousOne() async throws {
        let monday = noon.addingTimeInterval(6 * 86_400)  // Monday 2036-06-16 12:00
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.add(
            in: 6 * 86_400,
            offsets: "purpose=3d,preparation=off,plan=off,participation=off,capture=off,capture_again=off",
            title: "Twice", duration: "1h", recurrence: "FREQ=WEEKLY;BYDAY=MO,TH")
        try await daemon.advance(to: monday.addingTimeInterval(3600 - 1))
        #expect(
            try await daemon.cards(of: watcher).map(\.occurrence) == [RFC3339.utc(monday)],
            "only Monday's Purpose so far")
        try await daemon.advance(to: monday.addingTimeInterval(3600))
        let cards = await watcher.cards(count: 2)
        #expect(cards.last?.occurrence == RFC3339.utc(monday.addingTimeInterval(3 * 86_400)))
        #expect(
            cards.last?.late == true && cards.last.flatMap { Date(wire: $0.dueAt) } == monday.addingTimeInterval(3600))
        try await daemon.stop()
    }

    /// A start with milliseconds (`in 10m` keeps them): every step of every occurrence still comes.
    @Test func deliversEveryStepOfEveryOccurrenceOfASeriesWithASubSecondStart() async throws {
        let daemon = try await InProcessDaemon(now: noon.addingTimeInterval(0.877))
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 600 - 86_400,
            offsets: "purpose=50s,preparation=40s,plan=30s,participation=20s,capture=off,capture_again=off",
            title: "Sub-second", recurrence: "daily")
        try await daemon.advance(by: 2 * 86_400 + 3600)
        let cards = await watcher.cards(count: 12)
        #expect(cards.count == 12, "\(cards.map(\.steps))")
        #expect(cards.allSatisfy { $0.meetingId == id && $0.steps.count == 1 && !$0.late })
        try await daemon.stop()
    }

    /// Moving a series' start carries the current occurrence's ledger and answers with it: nothing
    /// shown is shown again, nothing done fires, and `prep` still has what was answered.
    @Test func movingASeriesKeepsShownAndDoneStepsAndTheAnswers() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 40, offsets: "purpose=35s,preparation=25s,plan=15s,participation=5s,capture=off,capture_again=off",
            recurrence: "daily")
        try await daemon.advance(by: 16)
        #expect(await watcher.cards(count: 2).map(\.steps) == [[.purpose], [.preparation]])
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(meetingId: id, step: .preparation, answers: [.init(step: .preparation, prompt: "Q", answer: "A")]))
        _ = try await daemon.call(MarkStepDone.self, .init(meetingId: id, step: .plan))
        let start = RFC3339.utc(noon.addingTimeInterval(43))
        _ = try await daemon.call(UpdateMeeting.self, .init(id: id, start: start))
        try await daemon.advance(by: 60)
        let cards = await watcher.cards(count: 3)
        #expect(cards.map(\.steps) == [[.purpose], [.preparation], [.participation]], "nothing repeated")
        let prep = try await daemon.call(GetPrep.self, .init(meetingId: id, step: .preparation, occurrence: start))
        #expect(prep.answers.map(\.answer) == ["A"], "the answers moved with the occurrence")
        try await daemon.stop()
    }

    @Test func remindsForTodaysOccurrenceNotYesterdays() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.add(
            in: 6 - 86_400,
            offsets: "purpose=off,preparation=off,plan=off,participation=3s,capture=off,capture_again=off",
            recurrence: "daily")
        try await daemon.advance(by: 10)
        let card = try #require(await watcher.cards(count: 1).first)
        #expect(
            card.steps == [.participation] && !card.late && card.occurrence == RFC3339.utc(noon.addingTimeInterval(6)))
        try await daemon.stop()
    }
}
