import Foundation

/// Formats instants as RFC 3339 text, the only date format on the wire.
public enum RFC3339 {
    /// `2026-12-03T14:00:00.000Z`: UTC with milliseconds, so the text round-trips what is stored.
    public static func utc(_ instant: Date) -> String {
        let local = LocalDateTime(instant, in: TimeZone(secondsFromGMT: 0)!)
        return dateAndTime(local) + "." + pad(local.millisecond, 3) + "Z"
    }

    /// `2026-12-03T15:00:00+01:00`: the wall time in `zone` with that moment's offset.
    public static func local(_ instant: Date, in zone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: zone)
        let offset = zone.secondsFromGMT(for: instant)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return dateAndTime(local) + sign + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    private static func dateAndTime(_ local: LocalDateTime) -> String {
        pad(local.year, 4) + "-" + pad(local.month, 2) + "-" + pad(local.day, 2) + "T" + pad(local.hour, 2) + ":"
            + pad(local.minute, 2) + ":" + pad(local.second, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
