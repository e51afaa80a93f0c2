import Foundation
import MentorProtocol

/// The files the daemon uses, each with its XDG default and its command-line override.
public struct DaemonPaths: Sendable, Hashable {
    /// The control socket (ignored when a socket is passed by socket activation).
    public var socket: String
    /// The SQLite database.
    public var database: String
    /// The TOML configuration; a missing file means the defaults.
    public var configuration: String

    public init(socket: String, database: String, configuration: String) {
        self.socket = socket
        self.database = database
        self.configuration = configuration
    }

    /// Defaults from the environment: `$XDG_DATA_HOME/mentord/mentord.sqlite3`,
    /// `$XDG_CONFIG_HOME/mentord/config.toml` and ``SocketPath/resolve(environment:)``.
    public static func defaults(environment: [String: String] = ProcessInfo.processInfo.environment) -> DaemonPaths {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, fallback: String) -> String {
            // The XDG spec says relative values are invalid and must be ignored.
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        return DaemonPaths(
            socket: SocketPath.resolve(environment: { environment[$0] }),
            database: base("XDG_DATA_HOME", fallback: ".local/share") + "/mentord/mentord.sqlite3",
            configuration: base("XDG_CONFIG_HOME", fallback: ".config") + "/mentord/config.toml")
    }
}
