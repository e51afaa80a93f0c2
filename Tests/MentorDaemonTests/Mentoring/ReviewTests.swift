import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// Progress over months: the review question comes every 13 weeks on the Plan card, a review
/// recorded at a capture quiets it, and `GetReview` counts what the months held.
struct ReviewTests {
    let noon = InProcessDaemon.tuesdayNoon
    let day: TimeInterval = 86_400
    /// Only Plan, two hours before.
    let offsets = "purpose=off,preparation=off,plan=2h,participation=off,capture=off,capture_again=off"

    private func planCard(at start: Date, in cards: [Wire.Reminder]) -> [String]? {
        cards.first { $0.occurrence == RFC3339.utc(start) && $0.steps == [.plan] }?.prompts.flatMap(\.prompts)
    }

    @Test func asksForAReviewOnThePlanCardEveryThirteenWeeksUntilOneIsRecorded() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Sam", role: .mentee, cadence: "weekly"))
        _ = try await daemon.call(ChangePhase.self, .init(partner: "Sam", phase: .cultivation))
        let meeting = try await daemon.add(
            in: day, offsets: offsets, title: "Weekly", duration: "1h", recurrence: "weekly")
        let twelfth = noon.addingTimeInterval(85 * day)
        let thirteenth = noon.addingTimeInterval(92 * day)
        try await daemon.advance(to: thirteenth.addingTimeInterval(-3600))
        let cards = try await daemon.cards(of: watcher)
        let before = try #require(planCard(at: twelfth, in: cards))
        #expect(!before.joined().contains("Review time"), "\(before)")
        let due = try #require(planCard(at: thirteenth, in: cards))
        #expect(due.first == "Review time: rate each goal from 1 to 5, and decide whether cultivation still fits.")
        #expect(
            try await daemon.call(GetPrep.self, .init(meetingId: meeting, step: .capture)).context.reviewDue != true)

        // The capture after it records the review (staying in cultivation): the next Plan card
        // has no review question, and the phase history shows when it was taken.
        try await daemon.advance(to: thirteenth.addingTimeInterval(3600 + 60))
        let context = try await daemon.call(GetPrep.self, .init(meetingId: meeting, step: .capture)).context
        #expect(context.reviewDue == true && context.phase == .cultivation)
        _ = try await daemon.call(
            CaptureMeeting.self, .init(meetingId: meeting, summary: "Took stock", phase: .cultivation))
        try await daemon.advance(to: thirteenth.addingTimeInterval(7 * day))
        let next = try #require(
            planCard(at: thirteenth.addingTimeInterval(7 * day), in: try await daemon.cards(of: watcher)))
        #expect(!next.joined().contains("Review time"), "\(next)")
        let phases = try await daemon.call(GetRelationship.self, .init(partner: "Sam")).phases
        #expect(phases.map(\.phase) == [.initiation, .cultivation, .cultivation])
        try await daemon.stop()
    }

    @Test func reviewsMonthsOfMeetingsGoalsCommitmentsAndRatings() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Priya", role: .mentor, cadence: "weekly"))
        let goal = try await daemon.call(
            AddGoal.self, .init(partner: "Priya", statement: "Run the migration", successCriteria: "Zero downtime")
        ).goal
        let series = try await daemon.call(
            AddMeeting.self,
            .init(
                title: "1:1", partner: "Priya", start: RFC3339.utc(noon.addingTimeInterval(day)), timeZone: "UTC",
                offsets: offsets, recurrence: "weekly")
        ).meeting.id
        _ = try await daemon.call(
            CancelOccurrence.self, .init(id: series, occurrence: RFC3339.utc(noon.addingTimeInterval(15 * day))))
        // Weeks 1, 2 and 4 captured with ratings and progress; week 5 not captured.
        for (week, useful, rating) in [(0, 3, 4), (1, 4, 4), (3, 5, 5)] {
            let start = noon.addingTimeInterval(day + Double(week) * 7 * day)
            try await daemon.advance(to: start.addingTimeInterval(2 * 3600))
            _ = try await daemon.call(
                CaptureMeeting.self,
                .init(
                    meetingId: series, occurrence: RFC3339.utc(start), summary: "Week \(week + 1)",
                    commitments: [.init(text: "Step \(week + 1)", owner: "partner")], usefulness: useful,
                    relationshipRating: rating,
                    goalProgress: [.init(goalId: goal.id, note: "Week \(week + 1) done", rating: week + 1)]))
        }
        let items = try await daemon.call(ListItems.self, .init(kind: "action", partner: "Priya")).items
        _ = try await daemon.call(SetItemStatus.self, .init(kind: "action", id: items[0].id, status: "done"))
        _ = try await daemon.call(SetItemStatus.self, .init(kind: "action", id: items[1].id, status: "dropped"))
        try await daemon.advance(to: noon.addingTimeInterval(35 * day))

        let review = try await daemon.call(GetReview.self, .init(partner: "pri"))
        #expect(review.meetings == Wire.MeetingCounts(held: 3, notCaptured: 1, cancelled: 1, expected: 5))
        #expect(review.commitments == Wire.CommitmentCounts(made: 3, kept: 1, dropped: 1, open: 1, carried: 0))
        #expect(review.ratings.map(\.usefulness) == [3, 4, 5] && review.ratings.map(\.relationship) == [4, 4, 5])
        #expect(review.goals.first?.progress.map(\.note) == ["Week 1 done", "Week 2 done", "Week 4 done"])
        #expect(review.goals.first?.goal.successCriteria == "Zero downtime")
        let recent = try await daemon.call(GetReview.self, .init(partner: "Priya", since: "2w"))
        #expect(recent.ratings.map(\.usefulness) == [5] && recent.goals.first?.progress.count == 1)
        #expect(await daemon.mentordError(GetReview.self, .init(partner: "Priya", since: "whenever")) != nil)

        let shown = try await daemon.ctl(["review", "priya"])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("usefulness    ▄▆█  3 -> 5"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Meetings:     3 held, 1 not captured, 1 cancelled; 5 expected at weekly"))
        #expect(shown.stdout.contains("Commitments:  3 made: 1 kept, 1 dropped, 1 open"))
        let markdown = try await daemon.ctl(["export", "--review", "priya"])
        #expect(markdown.stdout.hasPrefix("# Review: Priya (you are the mentor)"), "\(markdown)")
        #expect(markdown.stdout.contains("- Success looks like: Zero downtime"))
        try await daemon.stop()
    }
}
