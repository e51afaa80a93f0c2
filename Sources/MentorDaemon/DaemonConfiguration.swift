import Foundation
import MentorCore
import TOMLKit

/// The daemon's settings, read from `config.toml`.
///
/// A missing or empty file means the defaults. Unknown tables or keys and values of the wrong type
/// are errors that name the file, the line and the key: a typo must not silently mean "default".
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

        public init() {}
    }

    /// Reads the file at `path`; a missing file yields the defaults.
    public static func load(path: String) throws(DaemonError) -> DaemonConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return DaemonConfiguration() }
        try checkOwnership(path)
        // Read to end of file rather than by size, so /dev/null (or a pipe) reads as empty: the defaults.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            throw .invalidConfiguration(path: path, reason: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Refuses a regular file that another user could have written: the `[hook]` and `[desktop]
    /// open` commands run as this user, so whoever can edit the file can run code as them.
    /// Owned by this user or root, and writable by no one else.
    static func checkOwnership(_ path: String) throws(DaemonError) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
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

    /// Parses TOML `text`; `path` only labels errors.
    public static func parse(_ text: String, path: String) throws(DaemonError) -> DaemonConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalidConfiguration(path: "\(path):\(error.source.begin.line)", reason: error.description)
        } catch {
            throw .invalidConfiguration(path: path, reason: "\(error)")
        }
        var configuration = DaemonConfiguration()
        let locate = KeyLocator(text: text, path: path)
        for key in table.keys {
            switch key {
            case "limits":
                guard let limits = table[key]?.table else { throw locate.error(key, "must be a table") }
                try configuration.limits.read(limits, locate: locate)
            case "reminders":
                guard let reminders = table[key]?.table else { throw locate.error(key, "must be a table") }
                for setting in reminders.keys {
                    // Every value is written as a string ("3d", "off", "10:00"); merge_within may be 0.
                    guard let value = reminders[setting]?.string ?? reminders[setting]?.int.map(String.init) else {
                        throw locate.error("reminders.\(setting)", "must be a string such as \"2h\" or \"off\"")
                    }
                    do {
                        try configuration.reminders.apply(key: setting, value: value)
                    } catch {
                        switch error {
                        case .unknownKey: throw locate.error("reminders.\(setting)", "unknown key")
                        case .invalidValue(_, let value, let expected):
                            throw locate.error("reminders.\(setting)", "is '\(value)', expected \(expected)")
                        }
                    }
                }
            case "calendar":
                guard let calendar = table[key]?.table else { throw locate.error(key, "must be a table") }
                try configuration.calendar.read(calendar, locate: locate.error)
            case "desktop", "journal", "hook":
                guard let channel = table[key]?.table else { throw locate.error(key, "must be a table") }
                try configuration.channels.read(table: key, channel, locate: locate.error)
            default:
                throw locate.error(key, "unknown table or key")
            }
        }
        return configuration
    }
}

extension DaemonConfiguration.Limits {
    fileprivate mutating func read(_ table: TOMLTable, locate: KeyLocator) throws(DaemonError) {
        for key in table.keys {
            let value = table[key]
            switch key {
            case "max_connections":
                guard let number = value?.int, (1...65_536).contains(number) else {
                    throw locate.error("limits.\(key)", "must be a whole number from 1 to 65536")
                }
                maxConnections = number
            case "max_message_bytes":
                guard let number = value?.int, (1024...(64 << 20)).contains(number) else {
                    throw locate.error("limits.\(key)", "must be a whole number from 1024 to 67108864")
                }
                maxMessageBytes = number
            case "max_meetings":
                guard let number = value?.int, (1...10_000_000).contains(number) else {
                    throw locate.error("limits.\(key)", "must be a whole number from 1 to 10000000")
                }
                maxMeetings = number
            case "message_timeout":
                guard let text = value?.string, let seconds = try? DurationExpression.seconds(text),
                    (1...3600).contains(seconds)
                else { throw locate.error("limits.\(key)", "must be a duration from \"1s\" to \"1h\"") }
                messageTimeoutSeconds = seconds
            default:
                throw locate.error("limits.\(key)", "unknown key")
            }
        }
    }
}

/// Finds the line where a key is written, since the TOML parser reports positions only for
/// syntax errors.
private struct KeyLocator {
    let text: String
    let path: String

    func error(_ dottedKey: String, _ problem: String) -> DaemonError {
        let parts = dottedKey.split(separator: ".").map(String.init)
        let leaf = parts.last ?? dottedKey
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        // Look for the key after its table's header: `enabled` is in several tables.
        let tableStart = parts.count > 1 ? (lines.firstIndex(of: "[\(parts[0])]") ?? 0) : 0
        let index = lines[tableStart...].firstIndex { line in
            line.hasPrefix(leaf + " ") || line.hasPrefix(leaf + "=") || line == "[\(leaf)]"
        }
        let place = index.map { "\(path):\($0 + 1)" } ?? path
        return .invalidConfiguration(path: place, reason: "'\(dottedKey)' \(problem)")
    }
}
