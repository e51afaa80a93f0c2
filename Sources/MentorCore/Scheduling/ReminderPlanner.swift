import Foundation

/// The decision for one occurrence: given its step times, its ledger and `now`, what to deliver
/// now, what to record as missed or suppressed, and when the next card is due.
///
/// It never sleeps and does no I/O: the daemon carries out the decision (ledger write, delivery)
/// and ``ReminderScheduler`` keeps the next card. Rules:
/// - settled steps (delivered, done, missed, suppressed) stay quiet; a snoozed one waits for its time;
/// - a series' occurrence sends nothing before its previous occurrence ended
///   (``ScheduledOccurrence/notBefore``): steps due earlier come at that moment, as a late card;
/// - a step before the meeting whose time has passed fires at once if the meeting has not started,
///   and is recorded as missed if it has: nothing but capture fires after the start;
/// - a capture step more than ``captureGrace`` late is missed; the second capture nudge is
///   suppressed once capture is done;
/// - steps whose own times lie within `mergeWithin` of the earliest of them share one card at that
///   earliest time. Merging happens among the steps before the meeting and among the capture nudges,
///   never across the meeting; a snoozed step is never pulled earlier than its snooze. Merging is
///   decided on the steps' own times, not on when they are sent: a card sent late carries only what
///   was due, and steps still ahead keep their times.
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

    /// A step still to be sent, at the time it is due.
    private struct Pending {
        var step: Step
        /// When it is due: its own time, its snooze, or the series' `notBefore`, whichever is latest.
        var at: Date
        /// Whether it went out after its own time (held back by the series, or sent late).
        var heldBack: Bool
        var snoozed: Bool
    }

    /// Steps sent together, due at `at`.
    private struct Cluster {
        var at: Date
        var members: [Pending]
    }

    /// Decides for `occurrence` of meeting `meetingID`.
    public static func decide(
        meetingID: Int64, occurrence: ScheduledOccurrence, times: [Step: Date], ledger: [Step: LedgerEntry],
        now: Date, mergeWithin: Int, order: StepOrder = .presenceLast
    ) -> Decision {
        var pending: [Pending] = []
        var missed: [Step] = []
        var suppressed: [Step] = []
        for (step, own) in times {
            let entry = ledger[step]
            if let entry, entry.state.isSettled { continue }
            if step == .captureAgain, ledger[.capture]?.state == .done {
                suppressed.append(step)
                continue
            }
            let requested = entry?.snoozedUntil ?? own
            let at = max(requested, occurrence.notBefore ?? requested)
            if at <= now {
                let tooLate = step.isAfterMeeting ? now.timeIntervalSince(at) > captureGrace : now >= occurrence.start
                if tooLate {
                    missed.append(step)
                    continue
                }
            }
            pending.append(Pending(step: step, at: at, heldBack: at > requested, snoozed: entry?.snoozedUntil != nil))
        }
        let window = TimeInterval(mergeWithin)
        let clusters =
            (clustered(pending.filter { !$0.step.isAfterMeeting }, window: window)
            + clustered(pending.filter { $0.step.isAfterMeeting }, window: window)).sorted { $0.at < $1.at }
        let due = clusters.filter { $0.at <= now }
        var deliver: ReminderCard?
        if let first = due.first {
            let members = due.flatMap(\.members)
            deliver = ReminderCard(
                meetingID: meetingID, occurrence: occurrence.start, steps: ordered(members.map(\.step), order),
                dueAt: first.at,
                late: members.contains { $0.heldBack || now.timeIntervalSince($0.at) >= 1 })
        }
        let next = clusters.first { $0.at > now }.map {
            ReminderCard(
                meetingID: meetingID, occurrence: occurrence.start, steps: ordered($0.members.map(\.step), order),
                dueAt: $0.at, late: $0.members.contains(where: \.heldBack))
        }
        return Decision(
            occurrence: occurrence.start, deliver: deliver, missed: missed.sorted(), suppressed: suppressed,
            next: next)
    }

    /// Groups steps (of one side of the meeting) whose times lie within `window` of a group's first.
    private static func clustered(_ steps: [Pending], window: TimeInterval) -> [Cluster] {
        var clusters: [Cluster] = []
        for step in steps.sorted(by: { ($0.at, $0.step) < ($1.at, $1.step) }) {
            if let last = clusters.last, step.at.timeIntervalSince(last.at) <= window,
                // A snooze is the user's "not before": it joins only a card due at its own time.
                !step.snoozed || step.at.timeIntervalSince(last.at) < 1
            {
                clusters[clusters.count - 1].members.append(step)
            } else {
                clusters.append(Cluster(at: step.at, members: [step]))
            }
        }
        return clusters
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
