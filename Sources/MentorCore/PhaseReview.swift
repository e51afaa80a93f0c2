import Foundation

/// When a relationship is due for a review: a look back at each goal (rated again) and a decision
/// about its phase, asked on the Plan card instead of a phase question at every meeting.
///
/// A review is due once the time since the last one, or since the phase last changed, reaches the
/// interval (`[reminders] review_every`, 13 weeks by default). Initiation is reviewed sooner: after
/// six weeks the pair usually know how they work together, and the "early days" questions have
/// done their job. Recording a review (a phase decision, even to stay) starts the count again.
public enum PhaseReview {
    /// The default interval between reviews: 13 weeks, about three months.
    public static let defaultInterval = 13 * 7 * 86_400
    /// How long initiation usually lasts before the pair settle into their work.
    public static let initiationSpan = 6 * 7 * 86_400

    /// When the relationship, in `phase` since (or last reviewed at) `since`, is next due for a
    /// review; nil when reviews are off (`every` nil).
    public static func dueAt(phase: Phase, since: Date, every: Int?) -> Date? {
        guard let every else { return nil }
        let interval = phase == .initiation ? min(every, initiationSpan) : every
        return since.addingTimeInterval(TimeInterval(interval))
    }

    /// Whether a review is due at `now`.
    public static func isDue(phase: Phase, since: Date, every: Int?, now: Date) -> Bool {
        dueAt(phase: phase, since: since, every: every).map { $0 <= now } ?? false
    }
}
