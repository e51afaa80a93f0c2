#if canImport(Glibc)
import Glibc
#endif

/// Where an export goes: a regular file, replaced whole or not at all, or stdout.
enum OutputFile {
    /// Writes `text` to `path`, or to stdout when `path` is nil or `-`.
    ///
    /// Only a regular file is written: anything else at `path` (a device node, a FIFO, a socket, a
    /// directory, a symbolic link) is refused untouched, so `-o /dev/null` as root can never change
    /// the system's null device and `-o FIFO` never blocks. The text goes to a new private (0600)
    /// file in the same directory, which is then renamed over `path`: a write that fails half-way
    /// (disk full) leaves the previous export as it was, and an existing file readable by others is
    /// replaced by a private one rather than reused.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            // Byte for byte into a pipe or a file; escaped only where a terminal would act on it.
            Swift.print(isatty(1) == 1 ? TerminalText.escaped(text) : text, terminator: "")
            return
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw CommandFailure(message: "cannot write \(path): not a regular file", exitCode: 1)
            }
        } else if errno != ENOENT {
            throw failure(path)
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // mkstemp: a new file (O_EXCL), mode 0600 whatever the umask.
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        let written = writeAll(Array(text.utf8), to: descriptor) && fsync(descriptor) == 0
        let code = errno
        guard close(descriptor) == 0, written else {
            errno = written ? errno : code
            throw failure(path)
        }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        renamed = true
    }

    /// Whether every byte went out; errno says why not.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func failure(_ path: String) -> CommandFailure {
        CommandFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 1)
    }
}
