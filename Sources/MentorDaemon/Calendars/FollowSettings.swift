import Foundation
import MentorCore

/// A followed calendar's own settings, kept as JSON in `calendar_source.settings`: how often it is
/// polled and how to log in. The password itself is never kept: only where it comes from, read
/// afresh at each sync.
struct FollowSettings: Codable, Sendable, Hashable {
    /// Seconds between polls of a URL or CalDAV calendar.
    var interval: Int?
    var username: String?
    /// An absolute path; the password is its first line.
    var passwordFile: String?
    /// argv of a command that prints the password (no shell).
    var passwordCommand: [String]?

    /// Polls every 15 minutes unless told otherwise; never more often than every minute.
    static let defaultInterval = 15 * 60
    static let intervalRange = 60...86_400

    /// Whether a password is to be sent.
    var hasCredentials: Bool { username != nil }

    /// The JSON kept in the database; empty for no settings.
    var encoded: String {
        guard self != FollowSettings() else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Reads what ``encoded`` wrote; anything else is no settings.
    static func decode(_ text: String) -> FollowSettings {
        guard !text.isEmpty else { return FollowSettings() }
        return (try? JSONDecoder().decode(FollowSettings.self, from: Data(text.utf8))) ?? FollowSettings()
    }

    /// Checks the settings of a calendar of `kind` at `location`; `refuse` builds the error.
    func validate(kind: CalendarLocation.Kind, refuse: (String) -> any Error) throws {
        if let interval, !Self.intervalRange.contains(interval) {
            throw refuse("the interval must be from 1m to 1d")
        }
        if kind == .path && (interval != nil || username != nil) {
            throw refuse("a file or folder is watched: it takes no interval, user or password")
        }
        if passwordFile != nil && passwordCommand != nil { throw refuse("give a password file or a command, not both") }
        if (passwordFile != nil || passwordCommand != nil) && username == nil {
            throw refuse("a password needs a user name")
        }
        if let passwordFile, !passwordFile.hasPrefix("/") {
            throw refuse("the password file must be an absolute path")
        }
        if let passwordCommand, passwordCommand.isEmpty || passwordCommand[0].isEmpty {
            throw refuse("the password command is empty")
        }
        if let username, username.isEmpty || username.contains(":") || username.contains(where: \.isNewline) {
            throw refuse("the user name must not be empty or hold ':' or a line break")
        }
    }
}
