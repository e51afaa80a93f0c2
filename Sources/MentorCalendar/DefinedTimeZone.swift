import Foundation
import MentorCore

/// A time zone that a calendar file defines in a `VTIMEZONE` and that no IANA or Windows name stands
/// for, such as Outlook's "Customized Time Zone", evaluated from its own `STANDARD` and `DAYLIGHT`
/// observances (RFC 5545 §3.6.5).
///
/// Each observance begins at its `DTSTART` (a wall time at its `TZOFFSETFROM`) and again at each date
/// of its `RRULE` and `RDATE`; from each beginning on, its `TZOFFSETTO` is in force. The beginnings are
/// worked out once, from 1900 through 2200, which holds any meeting; before the first, the first one's
/// `TZOFFSETFROM` is in force, after the last, its `TZOFFSETTO`.
public struct DefinedTimeZone: ZoneRules, Hashable {
    public let identifier: String
    /// Seconds since 1970 at which an offset begins, ascending, and that offset.
    let transitions: [Transition]
    let offsetBefore: Int

    struct Transition: Sendable, Hashable {
        let instant: TimeInterval
        let offset: Int
    }

    static let firstInstant = LocalDateTime(year: 1900, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
    static let lastInstant = LocalDateTime(year: 2200, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
    /// Beginnings one observance may have in 1900...2200: a yearly rule has 300.
    static let transitionLimit = 1000

    /// The zone `component` (a `VTIMEZONE`) defines.
    /// - Throws: ``CalendarError`` for a missing `TZID`, an observance without `DTSTART` or offsets, or a
    ///   rule that cannot be read.
    public init(_ component: CalendarComponent) throws(CalendarError) {
        guard let tzid = component.property("TZID")?.value, !tzid.isEmpty else {
            throw .missingProperty(line: component.line, component: "VTIMEZONE", property: "TZID")
        }
        var transitions: [Transition] = []
        var earliest: (instant: Date, from: Int)?
        for observance in component.components where ["STANDARD", "DAYLIGHT"].contains(observance.name) {
            let from = try Self.offset(observance, "TZOFFSETFROM")
            let to = try Self.offset(observance, "TZOFFSETTO")
            guard let start = observance.property("DTSTART") else {
                throw .missingProperty(line: observance.line, component: observance.name, property: "DTSTART")
            }
            let local = try DateTimeValue.parse(start.value, isDate: false, line: start.line, property: "DTSTART")
            let zone = FixedOffset(seconds: from)
            let first = zone.resolve(local.local)
            var beginnings = [first]
            if let rule = observance.property("RRULE") {
                let recurrence: Recurrence
                do {
                    recurrence = try Recurrence.parse(rule.value)
                } catch {
                    throw EventReader.ruleError(error, line: rule.line)
                }
                beginnings += recurrence.occurrences(
                    startingAt: first, in: zone, from: Self.firstInstant, through: Self.lastInstant,
                    limit: Self.transitionLimit)
            }
            for rdate in observance.properties("RDATE") {
                for item in rdate.value.split(separator: ",") {
                    let value = try DateTimeValue.parse(
                        String(item), isDate: false, line: rdate.line, property: "RDATE")
                    beginnings.append(value.form == .utc ? value.local.instant(offset: 0) : zone.resolve(value.local))
                }
            }
            if earliest == nil || first < earliest!.instant { earliest = (first, from) }
            transitions += beginnings.map { Transition(instant: $0.timeIntervalSince1970, offset: to) }
        }
        guard let earliest else {
            throw .missingProperty(line: component.line, component: "VTIMEZONE", property: "STANDARD or DAYLIGHT")
        }
        self.identifier = tzid
        self.transitions = transitions.sorted { $0.instant < $1.instant }
        self.offsetBefore = earliest.from
    }

    public func secondsFromGMT(for instant: Date) -> Int {
        let seconds = instant.timeIntervalSince1970
        // The last transition at or before `instant`, by binary search.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].instant <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? offsetBefore : transitions[low - 1].offset
    }

    /// `TZOFFSETFROM` or `TZOFFSETTO`: `+HHMM`, `-HHMM` or with seconds, `+HHMMSS`.
    private static func offset(_ observance: CalendarComponent, _ name: String) throws(CalendarError) -> Int {
        guard let property = observance.property(name) else {
            throw .missingProperty(line: observance.line, component: observance.name, property: name)
        }
        let text = property.value
        let digits = text.dropFirst()
        guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4 || digits.count == 6,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
        else {
            throw .invalidValue(line: property.line, property: name, value: text, reason: "not an offset such as +0100")
        }
        let (hours, minutes, seconds) =
            digits.count == 4 ? (value / 100, value % 100, 0) : (value / 10_000, value / 100 % 100, value % 100)
        guard hours < 24, minutes < 60, seconds < 60 else {
            throw .invalidValue(line: property.line, property: name, value: text, reason: "not an offset such as +0100")
        }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }
}
