import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The compiled tz database (`$TZDIR`, else /usr/share/zoneinfo), read as the C library reads it,
/// and asked which IANA zone a file holds: the daemon stores meetings with a zone's name, never
/// with a file's path.
struct ZoneInfoDirectory {
    /// The directory, without a trailing slash.
    var path: String

    /// The directory this run reads zones from.
    static let current = ZoneInfoDirectory(
        path: SocketPath.environmentVariable("TZDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo")

    /// The bytes of the zone called `name` (`Europe/Berlin`); nil when there is no such file.
    func bytes(ofZone name: String) -> [UInt8]? {
        // A name that climbs out of the directory is not a zone's name.
        guard !name.isEmpty, !name.split(separator: "/").contains("..") else { return nil }
        return Self.bytes(ofFile: "\(path)/\(name)")
    }

    /// The IANA name of the zone in `file`: its path below this directory, as written or with
    /// symbolic links followed (`/etc/localtime` -> `/usr/share/zoneinfo/Europe/Berlin`); nil for
    /// a file elsewhere.
    func name(ofFile file: String) -> String? {
        if let name = relative(file) { return name }
        guard let resolved = Self.realPath(file), let root = Self.realPath(path) else { return nil }
        return ZoneInfoDirectory(path: root).relative(resolved)
    }

    /// The zone of `zone.tab` whose file is `bytes` (a copy, as some containers make
    /// `/etc/localtime`); nil when none is. It reads every listed zone's file, some four hundred.
    func zone(copiedIn bytes: [UInt8]) -> String? {
        // Only canonical zones are listed, so a copy of America/New_York is not named US/Eastern.
        listedZones().first { Self.bytes(ofFile: "\(path)/\($0)") == bytes }
    }

    /// `Europe/Berlin` for `<path>/Europe/Berlin` (or the same under `posix/`, which holds the
    /// same zones); nil for a file elsewhere.
    private func relative(_ file: String) -> String? {
        guard file.hasPrefix(path + "/") else { return nil }
        var parts = file.dropFirst(path.count + 1).split(separator: "/")
        if parts.first == "posix" { parts.removeFirst() }
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else { return nil }
        return parts.joined(separator: "/")
    }

    /// The zones `zone.tab` lists, one per place, in its order; empty when it cannot be read.
    private func listedZones() -> [String] {
        guard let table = Self.bytes(ofFile: "\(path)/zone.tab") else { return [] }
        return String(decoding: table, as: UTF8.self).split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t")
            return line.hasPrefix("#") || columns.count < 3 ? nil : String(columns[2])
        }
    }

    /// The bytes of `file`; nil when it cannot be read or is over a megabyte (zone files are a few
    /// kilobytes, zone.tab some twenty: anything that large is neither).
    static func bytes(ofFile file: String) -> [UInt8]? {
        guard let handle = fopen(file, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            bytes += buffer[..<count]
            guard bytes.count <= 1 << 20 else { return nil }
            guard count == buffer.count else { return ferror(handle) == 0 ? bytes : nil }
        }
    }

    /// `path` with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
