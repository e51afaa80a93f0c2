import Foundation
import MentorCore
import Testing

struct ReminderPlannerTests {
    let start = Date(timeIntervalSince1970: 1_000_000)
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
            meetingID: 1, start: start, times: times, ledger: ledger, now: start.addingTimeInterval(offset),
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
            meetingID: 1, start: start, times: times, ledger: [:], now: start.addingTimeInterval(-50), mergeWithin: 0,
            order: .article)
        #expect(decision.deliver?.steps == [.purpose, .preparation, .participation, .plan])
    }
}
