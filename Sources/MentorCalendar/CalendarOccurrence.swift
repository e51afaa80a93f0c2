import Foundation

/// One occurrence of an event as the calendar shows it: moved and retitled by its override, if any.
public struct CalendarOccurrence: Sendable, Hashable {
    /// The start the series gives it (its `RECURRENCE-ID`), which identifies it also after a move; the
    /// start itself for a single event.
    public var original: Date
    public var start: Date
    public var durationSeconds: Int
    public var title: String
    /// `CANCELLED` for an occurrence an override cancels, or every one of a cancelled series.
    public var status: EventStatus
    /// Whether an override (a `VEVENT` with `RECURRENCE-ID`) gave it.
    public var isOverride: Bool
}
