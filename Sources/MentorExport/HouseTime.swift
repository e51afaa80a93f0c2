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
