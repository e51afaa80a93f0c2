import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The user's IANA time zone as this shell sees it, sent with new meetings so that "15:00" means
/// the user's 15:00 even when the daemon was started with another TZ.
enum LocalTimeZone {
    /// `$TZ` when it names a zone, else the target of `/etc/localtime`; nil when neither says.
    static func name() -> String? {
        if var zone = SocketPath.environmentVariable("TZ"), !zone.isEmpty {
            if zone.hasPrefix(":") { zone.removeFirst() }
            // A path or POSIX rule string ("CET-1CEST") is not an IANA name: let the daemon decide.
            if !zone.hasPrefix("/"), zone.contains("/") || zone == "UTC" { return zone }
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let parts = target.split(separator: "/", omittingEmptySubsequences: true)
        guard let index = parts.lastIndex(of: "zoneinfo"), index + 1 < parts.count else { return nil }
        return parts[(index + 1)...].joined(separator: "/")
    }
}
