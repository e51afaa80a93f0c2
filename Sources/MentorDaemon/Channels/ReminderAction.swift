import Foundation

/// What the user asked for from a notification's buttons, for the steps on that card.
enum ReminderAction: Sendable, Hashable {
    /// Postpone the card's steps by an hour (clamped like `mentorctl snooze`).
    case snooze(meetingID: Int64, occurrence: Date, steps: [String])
    /// Mark the card's steps done.
    case done(meetingID: Int64, occurrence: Date, steps: [String])
}
