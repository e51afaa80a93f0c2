import Foundation

/// What the kernel says of the Unix sockets bound to a path, seen without connecting to them.
public enum ListeningSocket {
    /// Whether a socket listens at `path`. A server binds, which makes the file, and only then
    /// listens: a connect in between is refused, which a loaded machine showed. Listening shows in
    /// /proc/net/unix as the flag __SO_ACCEPTCON (0x10000), and looking needs no connect, which
    /// would start a socket-activated service.
    public static func exists(at path: String) -> Bool {
        // Read to its end: String(contentsOfFile:) stops after the first read of a /proc file,
        // about fifty sockets of a table that holds hundreds while the suite runs.
        guard let file = FileHandle(forReadingAtPath: "/proc/net/unix") else { return false }
        defer { try? file.close() }
        let table = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        return table.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count == 8 && fields[7] == path && (Int(fields[3], radix: 16) ?? 0) & 0x10000 != 0
        }
    }
}
