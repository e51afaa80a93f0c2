import Foundation

/// The user's reminder policy and zone, and the rules that follow from them for any meeting: each
/// step's time, which occurrence a command means, how far a snooze may go, what a move keeps.
///
/// A small value: the engine's ``ReminderScheduler`` holds one, and the daemon's handlers read the
/// same rules to answer a call without asking the engine.
public struct ReminderRules: Sendable, Hashable {
    /// The configured policy, before per-relationship and per-meeting overrides.
    public var policy: ReminderPolicy
    /// The user's zone: the prep hour, quiet hours and working days are read there.
    public var userZone: TimeZone

    public init(policy: ReminderPolicy, userZone: TimeZone) {
        self.policy = policy
        self.userZone = userZone
    }

    /// The policy for one meeting: the configuration, then its relationship's overrides, then its own.
    public func policy(for meeting: Meeting) -> ReminderPolicy {
        policy.overriding(meeting.relationship.reminderOverrides).overriding(meeting.reminderOverrides)
    }

    /// Each step's own time for `occurrence` of `meeting`.
    public func times(of meeting: Meeting, at occurrence: ScheduledOccurrence) -> [Step: Date] {
        ReminderSchedule.times(
            start: occurrence.start, end: occurrence.end, zone: userZone, policy: policy(for: meeting))
    }

    /// Each step's own time for the occurrence of `meeting` starting at `start`.
    public func times(of meeting: Meeting, startingAt start: Date) -> [Step: Date] {
        times(of: meeting, at: occurrence(of: meeting, startingAt: start))
    }

    /// How long after its end an occurrence can still remind: its last capture nudge plus the grace.
    public func lookBack(for meeting: Meeting) -> TimeInterval {
        TimeInterval(policy(for: meeting).offsets.filter { $0.key.isAfterMeeting }.map(\.value).max() ?? 0)
            + ReminderPlanner.captureGrace
    }

    /// The occurrence a command about `step` means when it names none (see
    /// ``Meeting/currentOccurrence(for:now:lookBack:)``).
    public func currentOccurrence(of meeting: Meeting, for step: Step, now: Date) -> Date {
        meeting.currentOccurrence(for: step, now: now, lookBack: lookBack(for: meeting))
    }

    /// When `steps` of the occurrence of `meeting` starting at `start` come back if snoozed until
    /// `requested` (see ``SnoozeRule``).
    public func snooze(
        _ steps: [Step], of meeting: Meeting, occurrence start: Date, until requested: Date,
        ledger: [Step: LedgerEntry], now: Date
    ) throws(SnoozeRule.Refusal) -> SnoozeRule.Outcome {
        let scheduled = occurrence(of: meeting, startingAt: start)
        return try SnoozeRule.clamp(
            steps: steps, requested: requested, occurrence: scheduled, times: times(of: meeting, at: scheduled),
            ledger: ledger, now: now)
    }

    /// What the ledger of an occurrence keeps when it moves to `newStart` of `meeting` (as it is
    /// after the move), see ``LedgerCarryOver``.
    public func carriedLedger(_ entries: [Step: LedgerEntry], to newStart: Date, of meeting: Meeting, now: Date)
        -> [Step: LedgerState]
    {
        LedgerCarryOver.carried(entries, to: times(of: meeting, startingAt: newStart), now: now)
    }

    /// ``carriedLedger(_:to:of:now:)`` at `now` as one function, for a store that moves occurrences
    /// inside its transaction (MentorStore's `LedgerCarry`).
    public func carrying(now: Date) -> @Sendable (Meeting, Date, [Step: LedgerEntry]) -> [Step: LedgerState] {
        { meeting, newStart, entries in carriedLedger(entries, to: newStart, of: meeting, now: now) }
    }

    /// When one of the user's own commitments reminds: the prep hour of its due day (YYYY-MM-DD),
    /// in the user's zone; nil for a day that cannot be read.
    public func reminderTime(ofCommitmentDueOn day: String) -> Date? {
        LocalDateTime(day: day, hour: policy.prepHourMinutes / 60, minute: policy.prepHourMinutes % 60)?
            .instant(in: userZone)
    }

    private func occurrence(of meeting: Meeting, startingAt start: Date) -> ScheduledOccurrence {
        ScheduledOccurrence(start: start, end: meeting.end(ofOccurrenceAt: start))
    }
}
