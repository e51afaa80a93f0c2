import Foundation

/// Resolves IANA time zone names strictly.
///
/// `TimeZone(identifier:)` also accepts offsets such as `GMT+1` or `UTC+2`, which it turns into a
/// fixed-offset zone with no DST rules of any place; meetings are arranged in places, so only names
/// that are zones of the tz database themselves (the identifier comes back unchanged) are taken,
/// plus `UTC`. What people type goes through ``typed(_:)``, which is kinder about case and
/// stricter about abbreviations.
public enum IANATimeZone {
    /// The zone called `name`.
    /// - Throws: ``TimeZoneError/unknown(_:)`` with the name as given.
    public static func named(_ name: String) throws(TimeZoneError) -> TimeZone {
        // Foundation calls its UTC zone "GMT"; the tz database's own name for it is Etc/UTC.
        if name == "UTC", let utc = TimeZone(identifier: "Etc/UTC") { return utc }
        guard let zone = TimeZone(identifier: name), zone.identifier == name else { throw .unknown(name) }
        return zone
    }
}

/// Why a time zone could not be used.
public enum TimeZoneError: Error, Sendable, Equatable {
    /// No IANA time zone has this name.
    case unknown(String)
    /// No zone has this name, but `suggestion` is close (`Berlin`, `Europe/Berln`).
    case misspelled(String, suggestion: String)
    /// An abbreviation or POSIX-style name (`PST`, `EST`, `CET`) that is a fixed offset or names no
    /// place; `use` is the zone to name instead.
    case legacy(String, use: String)
}
