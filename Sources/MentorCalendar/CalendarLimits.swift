/// Bounds on what one calendar file may hold, so that a hostile or broken file costs bounded memory
/// and time. The defaults hold a 100,000-event export with room to spare.
public struct CalendarLimits: Sendable, Hashable {
    /// Bytes of the whole file.
    public var bytes = 64 << 20
    /// Bytes of one content line after unfolding.
    public var lineBytes = 1 << 20
    /// Components of any kind (VEVENT, VTIMEZONE, VALARM, ...).
    public var components = 500_000
    /// Components nested in each other.
    public var depth = 8
    /// Values in one RDATE, EXDATE or CATEGORIES line, and in all of one event's.
    public var valuesPerEvent = 10_000

    public init() {}
}
