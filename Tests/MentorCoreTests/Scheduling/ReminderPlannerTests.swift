import Foundation
import MentorCore
import Testing

struct ReminderPlannerTests {
    let start = Date(timeIntervalSince1970: 1_000_000)
    var occurrence: ScheduledOccurrence { ScheduledOccurrence(start: start, end: start.addingTimeInterval(600)) }
    var times: [Step: Date] {
        [
            .purpose: start.addingTimeInterval(-3000), .preparation: start.addingTimeInterval(-2000),
            .plan: start.addingTimeInterval(-1000), .participation: start.addingTimeInterval(-100),
            .capture: start.addingTimeInterval(1000), .captureAgain: start.addingTimeInterval(5000),
        ]
    }

    private func decide(now offset: TimeInterval, ledger: [Step: LedgerEntry] = [:], merge: Int = 0)
        -> ReminderPlanner.Decision
    {
        ReminderPlanner.decide(
            meetingID: 1, occurrence: occurrence, times: times, ledger: ledger, now: start.addingTimeInterval(offset),
            mergeWithin: merge)
    }

    @Test func armsForTheFirstStepWhenNothingIsDue() {
        let decision = decide(now: -4000)
        #expect(decision.deliver == nil && decision.missed.isEmpty)
        #expect(decision.next?.steps == [.purpose] && decision.next?.dueAt == times[.purpose])
    }

    @Test func deliversAStepOnTimeAndThenArmsForTheNext() {
        let decision = decide(now: -3000)
        #expect(decision.deliver?.steps == [.purpose] && decision.deliver?.late == false)
        #expect(decision.next?.steps == [.preparation])
    }

    @Test func firesEveryPassedStepAtOnceAsOneLateCard() {
        let decision = decide(now: -500)
        #expect(decision.deliver?.steps == [.purpose, .preparation, .plan])
        #expect(decision.deliver?.late == true)
        #expect(decision.next?.steps == [.participation])
    }

    @Test func recordsPreMeetingStepsAsMissedOnceTheMeetingStarted() {
        let decision = decide(now: 1500)
        #expect(decision.missed == [.purpose, .preparation, .plan, .participation])
        #expect(decision.deliver?.steps == [.capture], "capture is the exception")
    }

    @Test func missesACaptureNudgeThatIsADayLate() {
        let decision = decide(now: 1000 + 86_400 + 1)
        #expect(decision.missed.contains(.capture) && decision.deliver?.steps == [.captureAgain])
    }

    @Test func keepsSettledStepsQuiet() {
        let ledger: [Step: LedgerEntry] = [
            .purpose: .init(step: .purpose, state: .delivered), .preparation: .init(step: .preparation, state: .done),
            .plan: .init(step: .plan, state: .missed),
        ]
        let decision = decide(now: -500, ledger: ledger)
        #expect(decision.deliver == nil)
        #expect(decision.next?.steps == [.participation])
    }

    @Test func waitsForASnoozedStep() {
        let ledger: [Step: LedgerEntry] = [
            .purpose: .init(step: .purpose, state: .snoozed, snoozedUntil: start.addingTimeInterval(-1500))
        ]
        let early = decide(now: -2999, ledger: ledger)
        #expect(early.next?.steps == [.preparation])
        let later = decide(
            now: -1500,
            ledger: [.purpose: ledger[.purpose]!, .preparation: .init(step: .preparation, state: .delivered)])
        #expect(later.deliver?.steps == [.purpose])
    }

    @Test func suppressesTheSecondCaptureOnceCaptured() {
        let ledger: [Step: LedgerEntry] = [.capture: .init(step: .capture, state: .done)]
        let decision = decide(now: 1100, ledger: ledger)
        #expect(decision.suppressed == [.captureAgain])
        #expect(decision.next == nil || !decision.next!.steps.contains(.captureAgain))
    }

    @Test func mergesStepsDueCloseTogether() {
        let decision = decide(now: -4000, merge: 1500)
        #expect(decision.next?.steps == [.purpose, .preparation], "preparation is 1000 s after purpose")
        let due = decide(now: -1990, ledger: [.purpose: .init(step: .purpose, state: .delivered)], merge: 1500)
        #expect(due.deliver?.steps == [.preparation, .plan], "plan rides along with preparation")
    }

    @Test func ordersCardsForTheArticleWhenAsked() {
        let decision = ReminderPlanner.decide(
            meetingID: 1, occurrence: occurrence, times: times, ledger: [:], now: start.addingTimeInterval(-50),
            mergeWithin: 0, order: .article)
        #expect(decision.deliver?.steps == [.purpose, .preparation, .participation, .plan])
    }

    @Test func holdsASeriesOccurrenceBackUntilThePreviousOneEnded() {
        // The previous occurrence ends at -1500: purpose and preparation (-3000, -2000) wait for it.
        var held = occurrence
        held.notBefore = start.addingTimeInterval(-1500)
        let before = ReminderPlanner.decide(
            meetingID: 1, occurrence: held, times: times, ledger: [:], now: start.addingTimeInterval(-1600),
            mergeWithin: 0)
        #expect(before.deliver == nil)
        #expect(before.next?.steps == [.purpose, .preparation] && before.next?.dueAt == held.notBefore)
        let at = ReminderPlanner.decide(
            meetingID: 1, occurrence: held, times: times, ledger: [:], now: start.addingTimeInterval(-1500),
            mergeWithin: 0)
        #expect(at.deliver?.steps == [.purpose, .preparation] && at.deliver?.late == true, "one late card")
        #expect(at.next?.steps == [.plan] && at.next?.dueAt == times[.plan], "a step still ahead keeps its time")
    }

    @Test func neverDragsAStepStillAheadIntoALateCard() {
        // Added 18 minutes ahead with a 10-minute merge window: participation (15 min) keeps its time.
        let late: [Step: Date] = [
            .purpose: start.addingTimeInterval(-3 * 86_400), .preparation: start.addingTimeInterval(-86_400),
            .plan: start.addingTimeInterval(-7200), .participation: start.addingTimeInterval(-900),
        ]
        let decision = ReminderPlanner.decide(
            meetingID: 1, occurrence: occurrence, times: late, ledger: [:], now: start.addingTimeInterval(-1080),
            mergeWithin: 600)
        #expect(decision.deliver?.steps == [.purpose, .preparation, .plan] && decision.deliver?.late == true)
        #expect(decision.next?.steps == [.participation] && decision.next?.dueAt == late[.participation])
    }

    @Test func neverMergesCaptureIntoACardBeforeTheMeeting() {
        // A one-minute meeting: participation at -30 s and capture at +70 s are within 10 minutes.
        let short: [Step: Date] = [
            .participation: start.addingTimeInterval(-30), .capture: start.addingTimeInterval(70),
            .captureAgain: start.addingTimeInterval(120),
        ]
        let decision = ReminderPlanner.decide(
            meetingID: 1, occurrence: ScheduledOccurrence(start: start, end: start.addingTimeInterval(60)),
            times: short, ledger: [:], now: start.addingTimeInterval(-30), mergeWithin: 600)
        #expect(decision.deliver?.steps == [.participation])
        #expect(decision.next?.steps == [.capture, .captureAgain] && decision.next?.dueAt == short[.capture])
    }

    @Test func neverPullsASnoozedStepEarlierThanItsSnooze() {
        func snoozed(until offset: TimeInterval) -> [Step: LedgerEntry] {
            [
                .purpose: .init(step: .purpose, state: .delivered),
                .preparation: .init(
                    step: .preparation, state: .snoozed, snoozedUntil: start.addingTimeInterval(offset)),
            ]
        }
        // Plan (-1000) is due; preparation's snooze ends 100 s later, well within the window: it waits.
        let decision = decide(now: -1000, ledger: snoozed(until: -900), merge: 600)
        #expect(decision.deliver?.steps == [.plan])
        #expect(decision.next?.steps == [.preparation] && decision.next?.dueAt == start.addingTimeInterval(-900))
        let merged = decide(now: -1950, ledger: snoozed(until: -1900), merge: 1500)
        #expect(merged.next?.steps == [.preparation, .plan], "plan joins the snoozed step at its time")
        #expect(merged.next?.dueAt == start.addingTimeInterval(-1900))
    }

    @Test func bringsTwoStepsSnoozedToOneInstantBackAsOneCard() {
        let until = start.addingTimeInterval(-500)
        let ledger: [Step: LedgerEntry] = [
            .purpose: .init(step: .purpose, state: .snoozed, snoozedUntil: until),
            .preparation: .init(step: .preparation, state: .snoozed, snoozedUntil: until),
            .plan: .init(step: .plan, state: .delivered),
        ]
        // Participation (-100) is 400 s later: outside a 300 s window, it keeps its own time.
        let decision = decide(now: -500, ledger: ledger, merge: 300)
        #expect(decision.deliver?.steps == [.purpose, .preparation] && decision.deliver?.late == false)
        #expect(decision.next?.steps == [.participation])
    }
}
