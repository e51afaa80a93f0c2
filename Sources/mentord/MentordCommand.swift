import ArgumentParser
import Foundation
import Logging
import MentorProtocol

/// `mentord`: parses flags, reads the configuration, and runs the daemon until SIGTERM or SIGINT.
struct MentordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentord",
        abstract: "The mentord daemon: stores your mentoring meetings and serves mentorctl over Varlink.",
        discussion: """
            Usually started by systemd (mentord.socket) or, without a user manager, by mentorctl on \
            first use. It stops gracefully on SIGTERM or SIGINT: calls in progress finish, the database \
            is closed and the socket it created is removed.
            """,
        version: MentordVersion.current)

    @Option(
        help: ArgumentHelp(
            "Control socket path.",
            discussion:
                "Default: $MENTORD_SOCKET, else $XDG_RUNTIME_DIR/mentord/socket, else /tmp/mentord-$UID/socket.",
            valueName: "path"))
    var socket: String?

    @Option(
        help: ArgumentHelp(
            "SQLite database path.", discussion: "Default: $XDG_DATA_HOME/mentord/mentord.sqlite3.", valueName: "path"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Configuration file.",
            discussion: "Default: $XDG_CONFIG_HOME/mentord/config.toml; a missing file means defaults.",
            valueName: "path"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Least severe messages to log: trace, debug, info, notice, warning, error.", valueName: "level"))
    var logLevel: String = DaemonLaunch.defaultLogLevel.rawValue

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
    }

    func run() async throws {
        let launch = DaemonLaunch(
            socket: socket, database: database, config: config,
            logLevel: Logger.Level(rawValue: logLevel) ?? DaemonLaunch.defaultLogLevel)
        let status = await launch.run()
        if status != EXIT_SUCCESS { throw ExitCode(status) }
    }
}
