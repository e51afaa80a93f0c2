import MentorExport
import MentorProtocol

/// The user's time zone, decided once per run and in this one place, so that the zone mentorctl
/// prints times in and the zone it stores new meetings with can never disagree.
///
/// `TZ` is read as the C library reads it (see ``load(tz:directory:)``), which is what the user
/// sees from `date` and every other program. The daemon stores a meeting with an IANA name, so the
/// zone is named where `TZ` allows it; a `TZ` that names none (a POSIX rule, a file outside the
/// zone database) is still used for printing, and refused for storing, never replaced by another.
struct UserTimeZone {
    /// Whether the zone has an IANA name to store meetings with.
    enum Identity {
        /// The tz database's name for the zone (`Europe/Berlin`, `UTC`).
        case named(String)
        /// A zone file outside `directory`, named by the zone it is a copy of, if any: looked for
        /// only when a meeting is stored, since it reads every zone's file. `reason` as below.
        case copy(bytes: [UInt8], directory: ZoneInfoDirectory, reason: String)
        /// No IANA name is known; `reason` says why, as the start of a refusal.
        case unnamed(reason: String)
    }

    /// The zone times are printed in.
    var zone: UserZone
    /// Its IANA name, or why it has none.
    var identity: Identity

    /// This run's zone, from `$TZ` and the zone database.
    static let current = load(tz: SocketPath.environmentVariable("TZ"), directory: .current)

    /// UTC, by that name.
    static let utc = UserTimeZone(zone: .utc, identity: .named("UTC"))

    /// The zone to store a new meeting with when the user gave no `--tz`.
    /// - Throws: ``CommandFailure`` saying why `TZ` names no zone and what to do instead.
    func nameToStore() throws(CommandFailure) -> String {
        let reason: String
        switch identity {
        case .named(let name): return name
        case .copy(let bytes, let directory, let why):
            if let name = directory.zone(copiedIn: bytes) { return name }
            reason = why
        case .unnamed(let why): reason = why
        }
        // The daemon's own advice for a zone it does not know (InvalidTimeZone).
        throw CommandFailure(
            message: "\(reason): pass --tz with the zone you are in (an IANA name such as Europe/Berlin), "
                + "or set TZ to it",
            exitCode: 1)
    }

    /// The zone the C library uses for `tz`, the value of `TZ`: a TZif file named by path
    /// (`/usr/share/zoneinfo/Europe/Berlin`, `:/etc/localtime`) or by zone name (`Europe/Berlin`,
    /// `:Europe/Berlin`) under `directory`, else a POSIX rule (`CET-1CEST,M3.5.0,M10.5.0/3`);
    /// `/etc/localtime` when `TZ` is unset; UTC when it is empty or none of these.
    static func load(tz: String?, directory: ZoneInfoDirectory) -> UserTimeZone {
        // Without a TZ, glibc reads /etc/localtime, and UTC when there is none.
        guard let tz else {
            return file("/etc/localtime", in: directory, named: "/etc/localtime (TZ is unset)") ?? .utc
        }
        // Set but empty, glibc reads TZ as UTC (not as unset).
        guard !tz.isEmpty else { return .utc }
        let spec = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
        if spec.hasPrefix("/") {
            return file(spec, in: directory, named: "TZ=\(tz)")
                ?? UserTimeZone(
                    zone: .utc,
                    identity: .unnamed(reason: "TZ=\(tz) names no readable zone file (times are shown in UTC)"))
        }
        if let bytes = directory.bytes(ofZone: spec), let zone = UserZone(name: spec, tzif: bytes) {
            return UserTimeZone(zone: zone, identity: .named(spec))
        }
        if let rule = PosixZoneRule(spec) {
            return UserTimeZone(
                zone: UserZone(name: spec, rule: rule),
                identity: .unnamed(reason: "TZ is a POSIX rule (\(spec)), which names no IANA zone"))
        }
        // glibc reads a TZ it cannot make sense of as UTC; storing UTC would hide the mistake.
        return UserTimeZone(
            zone: .utc,
            identity: .unnamed(
                reason: "TZ=\(tz) is neither a zone in \(directory.path) nor a POSIX rule (times are shown in UTC)"))
    }

    /// The zone in the TZif file at `path`, named by its place in `directory` or, when a meeting
    /// is stored, by the zone it is a copy of; nil when the file cannot be read or is not one.
    /// `source` says where the path came from, for the refusal when the zone has no name.
    private static func file(_ path: String, in directory: ZoneInfoDirectory, named source: String) -> UserTimeZone? {
        guard let bytes = ZoneInfoDirectory.bytes(ofFile: path) else { return nil }
        let name = directory.name(ofFile: path)
        guard let zone = UserZone(name: name ?? path, tzif: bytes) else { return nil }
        let reason =
            "\(source) is a zone file neither in \(directory.path) nor a copy of one of its zones, "
            + "so it names no IANA zone"
        return UserTimeZone(
            zone: zone, identity: name.map(Identity.named) ?? .copy(bytes: bytes, directory: directory, reason: reason))
    }
}
