import Foundation

/// The scheduling state machine: given one occurrence's step times, its ledger and `now`, says what
/// to deliver now, what to record as missed or suppressed, and when the next card is due.
///
/// It never sleeps and does no I/O: the daemon carries out the decision (ledger write, delivery,
/// arming the timer) and asks again. Rules:
/// - settled steps (delivered, done, missed, suppressed) stay quiet; a snoozed one waits for its time;
/// - a pre-meeting step whose time has passed fires at once if the meeting has not started, and is
///   recorded as missed if it has: nothing but capture fires after the start;
/// - a capture step more than ``captureGrace`` late is missed; the second capture nudge is
///   suppressed once capture is done;
/// - steps due now, and those due within `mergeWithin` of each other, share one card at the
///   earlier time.
public enum ReminderPlanner {
    /// How late a capture nudge may still be sent.
    public static let captureGrace: TimeInterval = 24 * 3600

    /// The outcome of one evaluation.
    public struct Decision: Sendable, Hashable {
        /// The occurrence decided about (its start).
        public var occurrence: Date
        /// Deliver this card now (nil when nothing is due).
        public var deliver: ReminderCard?
        /// Record these steps as missed.
        public var missed: [Step]
        /// Record these steps as suppressed.
        public var suppressed: [Step]
        /// The next card still ahead, for arming the timer.
        public var next: ReminderCard?
    }

    /// Decides for the occurrence of meeting `meetingID` starting at `start`.
    public static func decide(
        meetingID: Int64, start: Date, times: [Step: Date], ledger: [Step: LedgerEntry], now: Date,
        mergeWithin: Int, order: StepOrder = .presenceLast
    ) -> Decision {
        var dueNow: [(step: Step, at: Date)] = []
        var ahead: [(step: Step, at: Date)] = []
        var missed: [Step] = []
        var suppressed: [Step] = []
        for (step, ideal) in times {
            let entry = ledger[step]
            if let entry, entry.state.isSettled { continue }
            if step == .captureAgain, ledger[.capture]?.state == .done {
                suppressed.append(step)
                continue
            }
            let at = entry?.snoozedUntil ?? ideal
            guard at <= now else {
                ahead.append((step, at))
                continue
            }
            let tooLate = step.isAfterMeeting ? now.timeIntervalSince(at) > captureGrace : now >= start
            if tooLate { missed.append(step) } else { dueNow.append((step, at)) }
        }
        ahead.sort { ($0.at, $0.step) < ($1.at, $1.step) }
        let window = TimeInterval(mergeWithin)
        var deliver: ReminderCard?
        if !dueNow.isEmpty {
            // Reminders about to come anyway ride along instead of following minutes later.
            let riders = ahead.prefix { $0.at.timeIntervalSince(now) <= window }
            ahead.removeFirst(riders.count)
            let steps = (dueNow + riders).map(\.step)
            // Due at the earliest step's own time: how late it went out is then visible to anyone.
            deliver = ReminderCard(
                meetingID: meetingID, occurrence: start, steps: ordered(steps, order),
                dueAt: dueNow.map(\.at).min() ?? now,
                late: dueNow.contains { now.timeIntervalSince($0.at) >= 1 })
        }
        var next: ReminderCard?
        if let first = ahead.first {
            let group = ahead.prefix { $0.at.timeIntervalSince(first.at) <= window }
            next = ReminderCard(
                meetingID: meetingID, occurrence: start, steps: ordered(group.map(\.step), order), dueAt: first.at,
                late: false)
        }
        return Decision(
            occurrence: start, deliver: deliver, missed: missed.sorted(), suppressed: suppressed, next: next)
    }

    private static func ordered(_ steps: [Step], _ order: StepOrder) -> [Step] {
        let sorted = steps.sorted()
        guard order == .article, let plan = sorted.firstIndex(of: .plan),
            let participation = sorted.firstIndex(of: .participation)
        else { return sorted }
        var swapped = sorted
        swapped.swapAt(plan, participation)
        return swapped
    }
}
