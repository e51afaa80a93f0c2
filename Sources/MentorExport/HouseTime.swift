import MentorProtocol

/// Instants as mentord's output shows them to people: `Thu 2026-12-03 15:00 +01:00`, in the user's
/// own zone, whatever zone the instant was written in.
public enum HouseTime {
    /// `instant` (RFC 3339, `2026-12-03T14:00:00.000Z` or with an offset) in `zone`, seconds shown
    /// when they are not zero; text that is not an instant is returned as it is.
    public static func when(_ instant: String, in zone: UserZone) -> String {
        guard let seconds = UTCTimestamp.epochSeconds(instant) else { return instant }
        return DisplayText.when(local(seconds, in: zone))
    }

    /// `instant` in `zone` to the minute, for when something happened (`createdAt`, `capturedAt`):
    /// its seconds and milliseconds are noise to a person.
    public static func minute(_ instant: String, in zone: UserZone) -> String {
        guard let seconds = UTCTimestamp.epochSeconds(instant) else { return instant }
        return DisplayText.when(local(UTCTimestamp.floorDivide(seconds, 60) * 60, in: zone))
    }

    /// `2026-12-03`: the day of `instant` in `zone`, for lists dated by the day; text that is not an
    /// instant gives its first ten characters, which is the day it names.
    public static func day(_ instant: String, in zone: UserZone) -> String {
        guard let seconds = UTCTimestamp.epochSeconds(instant) else { return String(instant.prefix(10)) }
        return String(local(seconds, in: zone).prefix(10))
    }

    /// A meeting's start, `local` in its own zone `name`, as the user sees it: the zone's name after
    /// the time when the user's clock reads the same (`Thu 2026-12-03 15:00 +01:00 Europe/Berlin`),
    /// else the meeting's own weekday and time beside it
    /// (`Thu 2026-12-03 09:00 -05:00 (Thu 15:00 Europe/Berlin)`).
    public static func when(_ local: String, zone name: String, in zone: UserZone) -> String {
        guard let theirs = elsewhere(local, in: zone) else { return "\(when(local, in: zone)) \(name)" }
        return "\(when(local, in: zone)) (\(theirs) \(name))"
    }

    /// A table's zone cell for a meeting starting at `local` in zone `name`: the name alone when the
    /// user's clock reads the same, else with the meeting's weekday and time (`Europe/Berlin (Thu 15:00)`).
    public static func zoneCell(_ local: String, zone name: String, in zone: UserZone) -> String {
        elsewhere(local, in: zone).map { "\(name) (\($0))" } ?? name
    }

    /// `Thu 15:00`: the weekday and time of `local` as written, when the user's clock reads
    /// otherwise at that instant; nil when it reads the same.
    private static func elsewhere(_ local: String, in zone: UserZone) -> String? {
        let theirs = DisplayText.when(local)
        guard theirs != when(local, in: zone) else { return nil }
        let parts = theirs.split(separator: " ")
        return parts.count == 4 ? "\(parts[0]) \(parts[2])" : theirs
    }

    /// `2026-12-03T15:00:00+01:00`: `epochSeconds` as a local RFC 3339 time in `zone`.
    public static func local(_ epochSeconds: Int64, in zone: UserZone) -> String {
        let offset = zone.offset(at: epochSeconds)
        let wall = epochSeconds + Int64(offset)
        let days = UTCTimestamp.floorDivide(wall, 86_400)
        let seconds = wall - days * 86_400
        let (year, month, day) = UTCTimestamp.civilFromDays(days)
        let minutes = abs(offset) / 60
        return
            "\(UTCTimestamp.pad(year, 4))-\(UTCTimestamp.pad(month, 2))-\(UTCTimestamp.pad(day, 2))T\(UTCTimestamp.pad(seconds / 3600, 2)):"
            + "\(UTCTimestamp.pad(seconds % 3600 / 60, 2)):\(UTCTimestamp.pad(seconds % 60, 2))\(offset < 0 ? "-" : "+")"
            + "\(UTCTimestamp.pad(Int64(minutes / 60), 2)):\(UTCTimestamp.pad(Int64(minutes % 60), 2))"
    }
}
