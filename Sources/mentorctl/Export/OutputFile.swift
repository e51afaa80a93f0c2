#if canImport(Glibc)
import Glibc
#endif

/// Where an export goes: a file (created private to the user, replaced if it exists) or stdout.
enum OutputFile {
    /// Writes `text` to `path`, or to stdout when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            // Byte for byte into a pipe or a file; escaped only where a terminal would act on it.
            Swift.print(isatty(1) == 1 ? TerminalText.escaped(text) : text, terminator: "")
            return
        }
        // Exports hold private notes: readable by the user alone, like the database. O_NOFOLLOW: a
        // symlink planted at the path is refused, not followed; fchmod: an existing file that was
        // readable by others is made private before the notes go in.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw failure(path) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            offset += written
        }
    }

    private static func failure(_ path: String) -> CommandFailure {
        CommandFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 1)
    }
}
