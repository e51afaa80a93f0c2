import Foundation

/// A typed time as read: an instant, or a whole day where the caller takes one
/// (``TimeExpression/read(_:in:from:)``).
public enum TypedTime: Sendable, Equatable {
    /// A moment: `tomorrow 15:00`, `in 2h`.
    case instant(Date)
    /// A day without a time of day: `2026-12-10`, `thu`, `Dec 10`.
    case day(LocalDate)
}
