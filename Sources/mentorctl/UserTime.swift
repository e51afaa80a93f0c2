import MentorExport
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Times as this user reads them: every instant the daemon sends, in whatever zone, shown in the
/// house form in the user's own zone (``UserTimeZone``: `$TZ`, else `/etc/localtime`, as the C
/// library reads them).
///
/// Scripts that want instants have `--json`; people get one format, in their own time.
enum UserTime {
    /// The user's zone, read once per run: the one new meetings are stored with (``UserTimeZone``).
    static var zone: UserZone { UserTimeZone.current.zone }

    /// `Thu 2026-12-03 15:00 +01:00` for any RFC 3339 instant; other text as it is.
    static func when(_ instant: String) -> String {
        HouseTime.when(instant, in: zone)
    }

    /// Text the daemon wrote, with the times in it (house form, the daemon's zone) in the user's.
    static func retimed(_ text: String) -> String {
        HouseTime.retimed(text, in: zone)
    }

    /// The same to the minute, for when something happened (`createdAt`, `startedAt`).
    static func minute(_ instant: String) -> String {
        HouseTime.minute(instant, in: zone)
    }

    /// A meeting's start with its zone: ``HouseTime/when(_:zone:in:)``.
    static func when(_ local: String, zone name: String) -> String {
        HouseTime.when(local, zone: name, in: zone)
    }

    /// Today's date in the user's zone, `2026-12-03`.
    static var today: String {
        String(HouseTime.local(Int64(time(nil)), in: zone).prefix(10))
    }
}
