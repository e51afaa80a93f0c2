import Foundation

/// What has become of one step's reminder for one occurrence of a meeting. The store keeps one
/// entry per meeting, occurrence and step: a step is claimed once before it is shown, so it is
/// never shown twice, and a claim left unfinished by a crash is delivered at restart (at least
/// once, deduplicated by the claim).
public struct LedgerEntry: Sendable, Hashable {
    public var step: Step
    public var state: LedgerState
    /// Until when a snoozed reminder waits.
    public var snoozedUntil: Date?

    public init(step: Step, state: LedgerState, snoozedUntil: Date? = nil) {
        self.step = step
        self.state = state
        self.snoozedUntil = snoozedUntil
    }
}

/// The fates of a reminder.
public enum LedgerState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Claimed for delivery; if the daemon dies before ``delivered``, it is delivered at restart.
    case fired
    /// Shown to the user.
    case delivered
    /// The user finished the step (answered its prompts or said done): it stays quiet.
    case done
    /// Postponed until `snoozedUntil`.
    case snoozed
    /// Its time passed while the daemon was down or the machine asleep, and the meeting had
    /// already started: recorded, not sent.
    case missed
    /// Not needed any more (the second capture nudge after a capture).
    case suppressed

    /// Whether the step needs nothing more.
    public var isSettled: Bool { self != .snoozed }

    /// Whether a step in this state may be recorded as `next` by anything but a claim: done always
    /// wins; any other fate is taken only by a step that has none yet (pending or snoozed).
    public func canBecome(_ next: LedgerState) -> Bool {
        next == .done || !isSettled
    }
}
