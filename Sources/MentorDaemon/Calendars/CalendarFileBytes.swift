import Foundation
import MentorProtocol

/// Reads a calendar file whole, for `mentorctl import` and followed files and folders: only a regular
/// file (a FIFO or a device could hold the read forever), and at most `limit` bytes.
enum CalendarFileBytes {
    /// - Throws: `CalendarUnreadable` or `CalendarTooLarge`, naming `path`.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw MentordError.calendarUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw MentordError.calendarUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw MentordError.calendarUnreadable(path: path, reason: "not a regular file")
        }
        guard status.st_size <= limit else {
            throw MentordError.calendarTooLarge(path: path, bytes: Int(status.st_size), limit: limit)
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw MentordError.calendarUnreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        // A file that grew between fstat and read is refused like one that was large already.
        guard filled <= limit else { throw MentordError.calendarTooLarge(path: path, bytes: filled, limit: limit) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

/// Runs `body` on a thread of its own: reading and parsing calendars is CPU-bound and must not hold
/// the one event loop that serves every connection and runs the engine.
func offTheLoop<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
