import Foundation

/// What the relative forms of a typed time (`tomorrow`, `thu`, `15:00`, `in 2h`) count from.
///
/// A new meeting's time counts from now. A new time for an existing occurrence counts from that
/// occurrence, never from now: `thu 19:00` typed to move the Wednesday 30 December meeting means
/// Thursday 31 December, not the Thursday of this week.
public struct TimeAnchor: Sendable, Equatable {
    /// The daemon's clock when it handles the call; `now` always means this.
    public var now: Date
    /// The start of the occurrence a new time is given for, if it is for one.
    public var occurrence: Date?

    /// Relative forms count from `now`.
    public static func now(_ now: Date) -> TimeAnchor {
        TimeAnchor(now: now, occurrence: nil)
    }

    /// Relative forms count from `occurrence`; `now` still means `now`.
    public static func occurrence(_ occurrence: Date, now: Date) -> TimeAnchor {
        TimeAnchor(now: now, occurrence: occurrence)
    }

    /// The instant the relative forms count from.
    var base: Date { occurrence ?? now }
}
