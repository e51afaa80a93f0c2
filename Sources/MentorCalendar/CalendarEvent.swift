import Foundation
import MentorCore

/// One `VEVENT` as read: a single event, the master of a series, or an override of one occurrence
/// (with a ``recurrenceID``).
public struct CalendarEvent: Sendable {
    /// How the start was written.
    public enum TimeKind: Sendable, Hashable {
        /// `VALUE=DATE`: an all-day event.
        case allDay
        /// A UTC time (`Z`).
        case utc
        /// A wall time in the zone of a `TZID`.
        case zoned
        /// A wall time with no zone: read in the calendar's `X-WR-TIMEZONE`, else the user's zone.
        case floating
    }

    public var uid: String
    /// The line of its `BEGIN:VEVENT`.
    public var line: Int
    public var summary: String
    public var description: String
    public var start: Date
    /// Where the series repeats: the zone of the start's `TZID`; for a UTC start, `X-WR-TIMEZONE` when the
    /// calendar names one (as Google means it), else UTC; for floating and all-day starts, the floating zone.
    public var zone: any ZoneRules
    public var timeKind: TimeKind
    /// `DTEND` minus `DTSTART` as elapsed seconds, or `DURATION`; a day for an all-day event without either.
    public var durationSeconds: Int
    /// RRULE, RDATE and EXDATE; nil for a single event and for an override.
    public var recurrence: RecurrenceSet?
    /// `RECURRENCE-ID`: the start of the occurrence this override replaces, as the series generates it.
    public var recurrenceID: Date?
    public var status: EventStatus
    public var sequence: Int
    public var organizer: Participant?
    public var attendees: [Participant]
    public var categories: [String]
}

extension CalendarEvent {
    /// Whether the event is a whole day (or days) rather than a meeting at a time.
    public var isAllDay: Bool { timeKind == .allDay }
}
