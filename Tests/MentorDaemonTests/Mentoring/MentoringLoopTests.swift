import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// The loop around meetings, in process with a manual clock: prep answers quiet a step, a capture's
/// commitments come back in the next meeting's Preparation card with their carry count, closed ones
/// stop, and the user's own commitments remind on their due date once.
struct MentoringLoopTests {
    let noon = InProcessDaemon.tuesdayNoon
    /// Purpose and Preparation 3 s before each meeting; the other steps are off.
    let offsets = "purpose=3s,preparation=3s,plan=off,participation=off,capture=off,capture_again=off"

    private func preparationCard(for meeting: Int64, in watcher: ReminderWatcher) async -> Wire.Reminder? {
        for count in 1...8 {
            if let card = await watcher.cards(count: count).first(where: {
                $0.meetingId == meeting && $0.steps.contains(.preparation)
            }) {
                return card
            }
        }
        return nil
    }

    @Test func commitmentsRollIntoTheNextMeetingsUntilDone() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Sam", role: .mentee, cadence: "weekly"))
        let first = try await daemon.add(in: 6, offsets: offsets, title: "Weekly")

        // Purpose answered before it is due: done, and it stays quiet.
        let prep = try await daemon.call(GetPrep.self, .init(meetingId: first))
        #expect(prep.step == .purpose && !prep.prompts.isEmpty)
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(
                meetingId: first, step: .purpose,
                answers: [.init(step: .purpose, prompt: prep.prompts[0], answer: "Feedback on my RFC")]))
        #expect(try await daemon.states(of: first, at: noon.addingTimeInterval(6))[.purpose] == "done")

        // After the meeting, a capture with two commitments and a next date: the next meeting exists
        // with the agreed goal.
        try await daemon.advance(by: 7)
        let capture = try await daemon.call(
            CaptureMeeting.self,
            .init(
                meetingId: first, summary: "Went through the RFC",
                commitments: [
                    .init(text: "Send the revised RFC", dueOn: "2036-07-10"),
                    .init(text: "Introduce me to Kim", owner: "partner"),
                ],
                nextStart: "in 8s", nextGoal: "Decide on the conference talk"))
        #expect(capture.warnings.isEmpty)
        let second = try #require(capture.nextMeeting)
        #expect(second.id != first && second.purpose == "Decide on the conference talk")

        // Its Preparation card lists both commitments, carried once.
        try await daemon.advance(by: 6)
        let card = try #require(await preparationCard(for: second.id, in: watcher))
        let prompts = card.prompts.flatMap(\.prompts).joined(separator: "\n")
        #expect(prompts.contains("Send the revised RFC (me, due 2036-07-10, carried 1×)"), "\(prompts)")
        #expect(prompts.contains("Introduce me to Kim (them, carried 1×)"))
        #expect(prompts.contains("Went through the RFC"))

        // One is done; after the second meeting's capture only the other rolls on, carried twice.
        let items = try await daemon.call(ListItems.self, .init(kind: "action", partner: "Sam")).items
        let sent = try #require(items.first { $0.text == "Send the revised RFC" })
        _ = try await daemon.call(SetItemStatus.self, .init(kind: "action", id: sent.id, status: "done"))
        try await daemon.advance(by: 3)
        let third = try #require(
            try await daemon.call(
                CaptureMeeting.self, .init(meetingId: second.id, summary: "Talk decided", nextStart: "in 8s")
            ).nextMeeting)
        try await daemon.advance(by: 6)
        let following = try #require(await preparationCard(for: third.id, in: watcher))
        let later = following.prompts.flatMap(\.prompts).joined(separator: "\n")
        #expect(!later.contains("Send the revised RFC"), "\(later)")
        #expect(later.contains("Introduce me to Kim (them, carried 2×)"), "\(later)")
        let all = try await daemon.cards(of: watcher)
        #expect(!all.contains { $0.meetingId == first && $0.steps.contains(.purpose) })
        try await daemon.stop()
    }

    /// The natural end of a meeting: the next date and its goal together, on a series. One
    /// transaction: it succeeds, and repeating it stores nothing twice.
    @Test func capturesANextDateAndGoalOnASeriesOnceEvenWhenRepeated() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let series = try await daemon.add(
            in: 3600, offsets: offsets, title: "Series", duration: "1h", recurrence: "weekly")
        try await daemon.advance(by: 2 * 3600 + 60)
        let next = RFC3339.utc(noon.addingTimeInterval(7 * 86_400 + 2 * 3600))
        let parameters = CaptureMeeting.Parameters(
            meetingId: series, summary: "s", commitments: [.init(text: "Probe four")], nextStart: next,
            nextGoal: "Walk through the agenda")
        let first = try await daemon.call(CaptureMeeting.self, parameters)
        #expect(first.nextMeeting?.id == series && first.nextOccurrence == next)
        _ = try await daemon.call(CaptureMeeting.self, parameters)
        let items = try await daemon.call(ListItems.self, .init(kind: "action", partner: "Sam")).items
        #expect(items.map(\.text) == ["Probe four"], "a repeated capture duplicates nothing")
        let prep = try await daemon.call(GetPrep.self, .init(meetingId: series, step: .purpose, occurrence: next))
        #expect(prep.context.agreedGoal == "Walk through the agenda")
        try await daemon.stop()
    }

    /// The interactive capture's answers arrive as one call: open items closed, progress noted
    /// against each goal, a review's phase. Repeated, it changes nothing more; refused, nothing.
    @Test func aCaptureClosesItemsNotesGoalProgressAndAReviewInOneGo() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let meeting = try await daemon.add(in: 60, offsets: offsets, title: "Weekly", duration: "1h")
        let goal = try await daemon.call(AddGoal.self, .init(partner: "Sam", statement: "Lead a review")).goal
        let draft = try await daemon.call(AddItem.self, .init(kind: "action", partner: "Sam", text: "Send draft")).item
        let topic = try await daemon.call(AddItem.self, .init(kind: "topic", partner: "Sam", text: "Budget")).item
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Kim", role: .mentor))
        let elsewhere = try await daemon.call(AddItem.self, .init(kind: "action", partner: "Kim", text: "Not ours"))
            .item
        try await daemon.advance(by: 2 * 3600)
        let parameters = CaptureMeeting.Parameters(
            meetingId: meeting, summary: "Good talk",
            itemUpdates: [
                .init(kind: "action", id: draft.id, status: "done"),
                .init(kind: "topic", id: topic.id, status: "dropped"),
            ],
            goalProgress: [.init(goalId: goal.id, note: "Ran the first half", rating: 3)], phase: .cultivation)
        _ = try await daemon.call(CaptureMeeting.self, parameters)
        _ = try await daemon.call(CaptureMeeting.self, parameters)
        #expect(try await daemon.call(ListItems.self, .init(partner: "Sam")).items.isEmpty, "both closed")
        let details = try await daemon.call(GetRelationship.self, .init(partner: "Sam"))
        #expect(details.relationship.phase == .cultivation)
        #expect(details.phases.map(\.phase) == [.initiation, .cultivation], "the repeat recorded no second review")

        // Another relationship's item, or a bad rating: refused, and nothing of the call is stored.
        var foreign = parameters
        foreign.summary = "Changed"
        foreign.itemUpdates = [.init(kind: "action", id: elsewhere.id, status: "done")]
        #expect(await daemon.mentordError(CaptureMeeting.self, foreign) == .noSuchActionItem(id: elsewhere.id))
        var badRating = parameters
        badRating.summary = "Changed"
        badRating.goalProgress = [.init(goalId: goal.id, note: "", rating: 7)]
        #expect(await daemon.mentordError(CaptureMeeting.self, badRating) == .ratingOutOfRange(field: "goal", value: 7))
        #expect(
            try await daemon.call(GetHistory.self, .init(partner: "Sam")).entries.first?.capture?.summary == "Good talk"
        )
        #expect(try await daemon.call(ListItems.self, .init(partner: "Kim")).items.map(\.status) == ["open"])
        try await daemon.stop()
    }

    /// Answers are kept by question: answering one later never drops another's, and the capture
    /// step is not answered as free text (that silently skipped the commitments and next date).
    @Test func answersAreKeptByQuestionAndCaptureIsRecordedOnlyByCapturing() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let meeting = try await daemon.add(in: 3 * 86_400, offsets: offsets, title: "Weekly", duration: "1h")
        let prompts = try await daemon.call(GetPrep.self, .init(meetingId: meeting, step: .preparation)).prompts
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(
                meetingId: meeting, step: .preparation,
                answers: [.init(step: .preparation, prompt: prompts[0], answer: "One")]))
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(
                meetingId: meeting, step: .preparation,
                answers: [.init(step: .preparation, prompt: prompts[1], answer: "Two")]))
        let prep = try await daemon.call(GetPrep.self, .init(meetingId: meeting, step: .preparation))
        #expect(prep.prompts == prompts, "the same occurrence asks the same questions")
        #expect(prep.answers.map(\.answer) == ["One", "Two"])
        let refused = await daemon.error(
            RecordAnswers.self,
            .init(meetingId: meeting, step: .capture, answers: [.init(step: .capture, prompt: "Q", answer: "A")]))
        #expect("\(String(describing: refused))".contains("InvalidParameter"))
        try await daemon.stop()
    }

    @Test func aCommitmentDueTodayRemindsOnceUnlessDoneFirst() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The prep hour (10:00) of today has passed at noon: today's commitments are due now.
        let daemon = try await InProcessDaemon(now: noon, in: directory)
        let watcher = try await daemon.watch()
        _ = try await daemon.ctl(["relationship", "add", "Kim", "--role", "mentor"])
        _ = try await daemon.ctl([
            "action", "add", "Kim", "Read the guide", "--owner", "partner", "--due", "2036-06-10",
        ])
        let sent = try await daemon.call(
            AddItem.self, .init(kind: "action", partner: "Kim", text: "Already sent", dueOn: "2036-06-11")
        ).item
        _ = try await daemon.call(SetItemStatus.self, .init(kind: "action", id: sent.id, status: "done"))
        _ = try await daemon.ctl(["action", "add", "Kim", "Send the intro to Ana", "--due", "2036-06-10"])
        _ = try await daemon.ctl(["action", "add", "Kim", "Book the room", "--due", "2036-06-11"])
        try await daemon.settle()
        let cards = await watcher.cards(count: 1)
        #expect(cards.map(\.title) == ["Send the intro to Ana"], "only the user's own open one due today")
        #expect(cards.first?.kind == .commitment && cards.first?.steps == [] && cards.first?.partner == "Kim")
        #expect(cards.first?.notes.first == "Due today, promised to Kim: Send the intro to Ana.")
        // Tomorrow's, at tomorrow's prep hour; the done one never.
        try await daemon.advance(to: noon.addingTimeInterval(22 * 3600))
        #expect(await watcher.cards(count: 2).map(\.title) == ["Send the intro to Ana", "Book the room"])
        try await daemon.stop()
        // Once: not again after a restart.
        let again = try await InProcessDaemon(now: noon.addingTimeInterval(23 * 3600), in: directory)
        let later = try await again.watch()
        try await again.advance(by: 3600)
        #expect(try await again.cards(of: later).isEmpty)
        try await again.stop()
    }
}
