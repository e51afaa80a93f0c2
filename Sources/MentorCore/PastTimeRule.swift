import Foundation

/// Times that must lie ahead: a meeting's start (unless it is being recorded after the fact), a
/// moved occurrence's new time, the next meeting a capture arranges, a due date, a goal's date.
///
/// A wrong year or month typed by mistake would otherwise create a meeting whose reminders are all
/// missed at once, without a word to the user.
public enum PastTimeRule {
    /// Refuses `instant` when it is before `now`.
    /// - Parameters:
    ///   - field: the wire field it came from (`start`, `to`, `nextStart`), for the error.
    ///   - text: what was typed, for the error.
    ///   - zone: where it was read, so the error can show it as a local time.
    public static func requireAhead(
        _ instant: Date, now: Date, field: String, text: String, zone: TimeZone
    ) throws(PastTimeError) {
        guard instant < now else { return }
        throw PastTimeError(field: field, text: text, resolved: RFC3339.local(instant, in: zone))
    }

    /// Refuses `day` when it is before `today`; today itself is still ahead.
    public static func requireAhead(_ day: LocalDate, today: LocalDate, field: String, text: String)
        throws(PastTimeError)
    {
        guard day < today else { return }
        throw PastTimeError(field: field, text: text, resolved: day.description)
    }
}

/// A time or date in the past where only one ahead makes sense.
public struct PastTimeError: Error, Sendable, Equatable {
    /// The field it was given for: `start`, `to`, `nextStart`, `dueOn`, `targetDate`.
    public var field: String
    /// What was typed.
    public var text: String
    /// What it was read as: a local RFC 3339 time with its offset, or a date.
    public var resolved: String
}
