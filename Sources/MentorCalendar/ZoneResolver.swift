import Foundation
import MentorCore

/// Turns the `TZID`s of one calendar file into zones, as providers write them.
///
/// The order: an IANA name (`Europe/Berlin`); a Windows name through CLDR's table ("W. Europe
/// Standard Time", Outlook and Exchange); an IANA name behind a prefix (`/mozilla.org/20050126_1/
/// Europe/Berlin`, old Thunderbird and Evolution); else the file's own `VTIMEZONE` of that name, read
/// from its rules ("Customized Time Zone"). A file-defined zone is only used when no name matches,
/// since the system's tz data is newer than any rules a file carries.
struct ZoneResolver: Sendable {
    /// The zones that the file's VTIMEZONEs define, by TZID.
    let defined: [String: DefinedTimeZone]
    /// Where floating times (no zone, no Z) are read: the calendar's zone if it names one, else the user's.
    let floating: any ZoneRules
    /// Google's `X-WR-TIMEZONE`, when it names a zone: UTC starts of a series repeat in it.
    let calendarZone: (any ZoneRules)?

    static let utc = try! IANATimeZone.named("UTC")

    /// The zone for a `TZID` parameter.
    func zone(tzid: String, line: Int, property: String) throws(CalendarError) -> any ZoneRules {
        if let named = Self.named(tzid) { return named }
        if let defined = defined[tzid] { return defined }
        throw .unknownTimeZone(line: line, property: property, tzid: tzid)
    }

    /// The zone `name` stands for without a VTIMEZONE: an IANA name, a Windows name or a prefixed IANA name.
    static func named(_ name: String) -> (any ZoneRules)? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let zone = try? IANATimeZone.named(trimmed) { return zone }
        // CLDR's targets are tz names, some of them links (Asia/Calcutta) that Foundation knows too.
        if let iana = WindowsZones.iana[trimmed], let zone = TimeZone(identifier: iana) { return zone }
        let parts = trimmed.split(separator: "/")
        // A bare "/" has no parts (found by the fuzzer: crash-tzid-only-slashes).
        if trimmed.hasPrefix("/") && !parts.isEmpty {
            for length in (1...min(3, parts.count)).reversed() {
                if let zone = try? IANATimeZone.named(parts.suffix(length).joined(separator: "/")) { return zone }
            }
        }
        return nil
    }

    /// The instant and zone of a DATE or DATE-TIME property, with its `TZID` parameter applied.
    func time(_ property: ContentLine, value text: String? = nil, isDate: Bool? = nil) throws(CalendarError)
        -> (value: DateTimeValue, instant: Date, zone: any ZoneRules)
    {
        let value = try DateTimeValue.parse(
            text ?? property.value, isDate: isDate ?? (property.parameter("VALUE")?.uppercased() == "DATE"),
            line: property.line, property: property.name)
        switch value.form {
        case .utc:
            return (value, value.local.instant(offset: 0), calendarZone ?? Self.utc)
        case .date:
            return (value, floating.resolve(value.local), floating)
        case .local:
            guard let tzid = property.parameter("TZID") else { return (value, floating.resolve(value.local), floating) }
            let zone = try zone(tzid: tzid, line: property.line, property: property.name)
            return (value, zone.resolve(value.local), zone)
        }
    }
}
