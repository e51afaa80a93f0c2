import Foundation

/// The offset rules of a time zone: which UTC offset is in force at an instant.
///
/// Recurrence is expanded against this rather than against `TimeZone` alone, because a calendar file
/// can define a zone of its own (Outlook's "Customized Time Zone") that no IANA name stands for.
/// `TimeZone` conforms as it is; local times are converted with the offsets alone (see
/// ``localTime(at:)`` and ``resolve(_:)``), which is also much cheaper than a `Calendar` per date.
public protocol ZoneRules: Sendable {
    /// A name for messages: an IANA name, or the TZID of a zone a calendar file defines.
    var identifier: String { get }
    /// Seconds east of UTC in force at `instant`.
    func secondsFromGMT(for instant: Date) -> Int
}

extension TimeZone: ZoneRules {}
