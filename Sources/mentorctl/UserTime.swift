import MentorExport
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Times as this user reads them: every instant the daemon sends, in whatever zone, shown in the
/// house form in the user's own zone (`$TZ`, else `/etc/localtime`, as the C library reads them).
///
/// Scripts that want instants have `--json`; people get one format, in their own time.
enum UserTime {
    /// The user's zone, read once per run.
    static let zone: UserZone = load(environment: SocketPath.environmentVariable("TZ"))

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

    /// The zone the C library would use for `tz` (the value of `TZ`): a TZif file named by path
    /// (`:/etc/localtime`) or by zone name under `$TZDIR` or /usr/share/zoneinfo, a POSIX rule
    /// (`CET-1CEST,M3.5.0,M10.5.0/3`), `/etc/localtime` when `TZ` is unset or empty, else UTC.
    static func load(environment tz: String?) -> UserZone {
        guard var spec = tz, !spec.isEmpty else {
            return file("/etc/localtime", name: LocalTimeZone.name() ?? "UTC") ?? .utc
        }
        if spec.hasPrefix(":") { spec.removeFirst() }
        if spec.hasPrefix("/") { return file(spec, name: LocalTimeZone.name() ?? spec) ?? .utc }
        let directory = SocketPath.environmentVariable("TZDIR") ?? "/usr/share/zoneinfo"
        if !spec.contains(".."), let zone = file("\(directory)/\(spec)", name: spec) { return zone }
        if let rule = PosixZoneRule(spec) { return UserZone(name: spec, rule: rule) }
        // glibc reads a TZ it cannot make sense of as UTC.
        return .utc
    }

    /// The zone in the TZif file at `path`; nil when it cannot be read or is not one.
    private static func file(_ path: String, name: String) -> UserZone? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            bytes += buffer[..<count]
            // Zone files are a few kilobytes; anything this large is not one.
            guard count == buffer.count, bytes.count < 1 << 20 else { break }
        }
        return UserZone(name: name, tzif: bytes)
    }
}
