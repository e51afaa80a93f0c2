import Foundation
import MentorCore

/// What the user asked for from a notification's buttons, for the steps on that card.
enum ReminderAction: Sendable, Hashable {
    /// Bring the card back in an hour (clamped like `mentorctl snooze`).
    case snooze(meetingID: Int64, occurrence: Date, steps: [Step])
    /// Mark the card's steps done.
    case done(meetingID: Int64, occurrence: Date, steps: [Step])
}
