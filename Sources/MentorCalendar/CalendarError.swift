import Foundation

/// Why calendar text, or one of its events, could not be read. Every case that comes from a line names
/// it (1-based, the line a folded property starts on) and, where there is one, the property.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is larger than a limit of ``CalendarLimits`` allows: which limit, and its value.
    case tooLarge(limit: String, maximum: Int, line: Int)
    /// A content line that is not `NAME;PARAM=VALUE:VALUE`.
    case syntax(line: Int, reason: String)
    /// `END` without its `BEGIN`, or a component left open at the end.
    case unbalanced(line: Int, found: String, expected: String?)
    /// No `BEGIN:VCALENDAR`.
    case notACalendar
    /// A component lacks a property it needs.
    case missingProperty(line: Int, component: String, property: String)
    /// A value that cannot be read as its property requires.
    case invalidValue(line: Int, property: String, value: String, reason: String)
    /// A `TZID` that is no IANA or Windows name and no `VTIMEZONE` of the file defines.
    case unknownTimeZone(line: Int, property: String, tzid: String)
    /// Valid RFC 5545 that mentord does not read (`RRULE` part, `RANGE=THISANDFUTURE`, `EXRULE`): the
    /// part, named, so that nothing is silently misread.
    case unsupported(line: Int, property: String, part: String)

    public var description: String {
        switch self {
        case .tooLarge(let limit, let maximum, let line): "line \(line): more than \(maximum) \(limit)"
        case .syntax(let line, let reason): "line \(line): \(reason)"
        case .unbalanced(let line, let found, let expected):
            "line \(line): \(found)" + (expected.map { " where END:\($0) was expected" } ?? " without its BEGIN")
        case .notACalendar: "no BEGIN:VCALENDAR: not an iCalendar file"
        case .missingProperty(let line, let component, let property):
            "line \(line): \(component) has no \(property)"
        case .invalidValue(let line, let property, let value, let reason):
            "line \(line): \(property) '\(value)': \(reason)"
        case .unknownTimeZone(let line, let property, let tzid):
            "line \(line): \(property): unknown time zone '\(tzid)' (no IANA or Windows name, no VTIMEZONE)"
        case .unsupported(let line, let property, let part): "line \(line): \(property): \(part) is not supported"
        }
    }
}
