import Foundation
import MentorCore

/// The daemon's settings, read from `config.toml`.
///
/// A missing or empty file means the defaults. Unknown tables or keys and values of the wrong type
/// are errors that name the file, the line and the key: a typo must not silently mean "default".
/// The file is read by ``TOMLReader``, in the daemon itself: it never aborts, and reads only the
/// TOML the configuration needs. Which keys exist, what each takes and what it does is
/// ``ConfigurationSchema``'s to say; the defaults are the initial values below.
public struct DaemonConfiguration: Sendable, Hashable {
    /// Limits on what clients can make the daemon hold.
    public var limits = Limits()
    /// When each step reminds (`[reminders]`).
    public var reminders = ReminderPolicy.standard
    /// Where reminders are delivered (`[desktop]`, `[journal]`, `[hook]`).
    public var channels = ChannelSettings()
    /// The user's calendar addresses (`[calendar]`).
    public var calendar = CalendarSettings()

    public init() {}

    /// Limits on client-controlled resources (`[limits]`).
    public struct Limits: Sendable, Hashable {
        /// Concurrent client connections (`max_connections`).
        public var maxConnections = 256
        /// Largest Varlink message in bytes (`max_message_bytes`).
        public var maxMessageBytes = 1 << 20
        /// Meetings the database may hold, past and cancelled ones included (`max_meetings`).
        public var maxMeetings = 1_000_000
        /// Seconds a connection may hold part of a message with nothing more arriving before it is
        /// closed (`message_timeout`).
        public var messageTimeoutSeconds = 30
        /// Seconds a connection with no call in progress may send nothing before it is closed
        /// (`idle_timeout`); subscriptions are exempt.
        public var idleTimeoutSeconds = 60

        public init() {}
    }

    /// The largest configuration file read. The commented default is about 7 KB; a bound keeps a
    /// mistaken path (a log, a disk image) from being read into memory whole.
    public static let maximumFileBytes = 1 << 20

    /// Reads the file at `path`; a missing file, or the null device, yields the defaults.
    ///
    /// Only a regular file is read, and at most ``maximumFileBytes`` of it: a FIFO, a socket or a
    /// device (such as `/dev/zero`) is refused at once rather than read for ever.
    public static func load(path: String) throws(DaemonError) -> DaemonConfiguration {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just after.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return DaemonConfiguration() }
            throw .invalidConfiguration(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .invalidConfiguration(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        // `--config /dev/null` is the documented way to ask for the defaults.
        if status.st_mode & S_IFMT == S_IFCHR && status.st_rdev == nullDevice { return DaemonConfiguration() }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .invalidConfiguration(path: path, reason: "not a regular file")
        }
        try checkOwnership(status, path: path)
        guard status.st_size <= maximumFileBytes else {
            throw .invalidConfiguration(
                path: path,
                reason: "larger than \(maximumFileBytes) bytes (\(status.st_size)); a mentord configuration is a few KB"
            )
        }
        guard let bytes = readBounded(descriptor, sizeHint: Int(status.st_size), limit: maximumFileBytes) else {
            throw .invalidConfiguration(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard bytes.count <= maximumFileBytes else {
            throw .invalidConfiguration(
                path: path, reason: "larger than \(maximumFileBytes) bytes; a mentord configuration is a few KB")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidConfiguration(path: path, reason: "not UTF-8 text, as TOML must be")
        }
        return try parse(text, path: path)
    }

    /// Reads `descriptor` to its end, or to one byte past `limit`, whichever comes first; nil
    /// (with `errno` set) when a read fails.
    ///
    /// Room is made for `sizeHint` bytes (what fstat saw) and one more, and grown, doubling up to
    /// one byte past `limit`, when the file holds more: it may have grown since, and a size of 0
    /// says nothing for a pipe. Not `limit` at once: zeroing and copying 1 MiB cost a twentieth of
    /// a start's CPU. Reads go through the whole array's buffer, since a slice's would be copied.
    static func readBounded(_ descriptor: Int32, sizeHint: Int, limit: Int) -> ArraySlice<UInt8>? {
        var bytes = [UInt8](repeating: 0, count: min(max(sizeHint, 0), limit) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count {
                bytes += repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count))
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            count += read
        }
        return bytes[..<count]
    }

    /// The null device's number (major 1, minor 3, as `makedev` encodes it).
    private static let nullDevice: dev_t = 0x103

    /// Refuses a file that another user could have written: the `[hook]` and `[desktop] open`
    /// commands run as this user, so whoever can edit the file can run code as them. Owned by
    /// this user or root, and writable by no one else.
    static func checkOwnership(_ status: stat, path: String) throws(DaemonError) {
        if status.st_uid != getuid() && status.st_uid != 0 {
            throw .invalidConfiguration(
                path: path, reason: "owned by uid \(status.st_uid), not by this user; refusing it")
        }
        if status.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            throw .invalidConfiguration(
                path: path,
                reason: "writable by other users (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "run 'chmod go-w \(path)'")
        }
    }

    /// Parses TOML `text`; `path` only labels errors. A syntax error is placed at its line and
    /// column (`path:3:17`), a setting that does not fit at the line of its key (`path:3`).
    public static func parse(_ text: String, path: String) throws(DaemonError) -> DaemonConfiguration {
        let document: TOMLDocument
        do {
            document = try TOMLReader.read(text)
        } catch {
            throw .invalidConfiguration(path: "\(path):\(error.position)", reason: error.message)
        }
        let refuse = { (position: TOMLDocument.Position, key: String, problem: String) in
            DaemonError.invalidConfiguration(path: "\(path):\(position.line)", reason: "'\(key)' \(problem)")
        }
        for entry in document.topLevel {
            let isTable = ConfigurationSchema.tables.contains { $0.name == entry.key }
            throw refuse(entry.position, entry.key, isTable ? "must be a table" : "unknown table or key")
        }
        var configuration = DaemonConfiguration()
        for table in document.tables {
            // `[calendar.NAME]`: a calendar to follow, named by the user, so not a table of the schema.
            if table.name.hasPrefix("calendar."), !table.name.dropFirst(9).contains(".") {
                try configuration.calendar.readSource(table, name: String(table.name.dropFirst(9)), refuse: refuse)
                continue
            }
            guard ConfigurationSchema.tables.contains(where: { $0.name == table.name }) else {
                throw refuse(table.position, table.name, "unknown table or key")
            }
            for entry in table.entries {
                let dotted = "\(table.name).\(entry.key)"
                guard let key = ConfigurationSchema.key(entry.key, in: table.name) else {
                    throw refuse(entry.position, dotted, "unknown key")
                }
                do {
                    try key.read(&configuration, entry.value)
                } catch {
                    throw refuse(entry.position, dotted, error.problem)
                }
            }
        }
        return configuration
    }
}
