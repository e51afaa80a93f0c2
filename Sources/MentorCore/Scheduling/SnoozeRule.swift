import Foundation

/// How far a snooze may postpone the steps of one card (PRODUCT rule 5): never past the meeting's
/// next step still to come, never past the start for the steps before it.
///
/// The steps of a card are snoozed together, so a merged card comes back as one card; a step already
/// shown on the same card never stands in the way. Snoozing a step that has not been shown yet
/// postpones it; it never brings it forward.
public enum SnoozeRule {
    /// What capped a snooze short of the requested time.
    public enum Cap: Sendable, Hashable {
        /// The meeting's next step comes first.
        case nextStep(Step)
        /// The meeting starts first.
        case start
    }

    /// Why steps cannot be snoozed.
    public enum Refusal: Error, Sendable, Hashable {
        /// The step is off for this meeting.
        case off(Step)
        /// The step is done, missed or suppressed already.
        case settled(Step, LedgerState)
        /// The step has not been shown, and the requested time is not after its own.
        case notDueYet(Step, Date)
        /// Nothing is left between now and what comes first.
        case noRoom(Cap)
    }

    /// The result of a snooze: when the steps come back, and what capped it, if anything did.
    public struct Outcome: Sendable, Hashable {
        public var until: Date
        public var cappedBy: Cap?
    }

    /// When `steps` of `occurrence` come back if snoozed until `requested`.
    public static func clamp(
        steps: [Step], requested: Date, occurrence: ScheduledOccurrence, times: [Step: Date],
        ledger: [Step: LedgerEntry], now: Date
    ) throws(Refusal) -> Outcome {
        for step in steps {
            guard times[step] != nil else { throw .off(step) }
            if let state = ledger[step]?.state, [.done, .missed, .suppressed].contains(state) {
                throw .settled(step, state)
            }
        }
        let shown = steps.contains { [.fired, .delivered, .snoozed].contains(ledger[$0]?.state) }
        if !shown,
            let (step, own) = steps.compactMap({ step in times[step].map { (step, $0) } }).min(by: { $0.1 < $1.1 }),
            requested <= own
        {
            throw .notDueYet(step, own)
        }
        let afterMeeting = steps.contains(where: \.isAfterMeeting)
        // The next step still to come on the same side of the meeting, at its (snoozed) time.
        let later = times.compactMap { step, own -> (Step, Date)? in
            guard !steps.contains(step), step.isAfterMeeting == afterMeeting else { return nil }
            if let entry = ledger[step], entry.state.isSettled { return nil }
            let at = ledger[step]?.snoozedUntil ?? own
            return at > now ? (step, at) : nil
        }.min { $0.1 < $1.1 }
        var until = requested
        var cap: Cap?
        if let (step, at) = later, at < until { (until, cap) = (at, .nextStep(step)) }
        // A step due at the start counts as missed, so "never past the start" means just before it.
        let beforeStart = occurrence.start.addingTimeInterval(-1)
        if !afterMeeting, beforeStart < until { (until, cap) = (beforeStart, .start) }
        guard until > now else { throw .noRoom(cap ?? .start) }
        return Outcome(until: until, cappedBy: until < requested ? cap : nil)
    }
}
