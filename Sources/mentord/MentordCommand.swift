import ArgumentParser
import Foundation
import Logging
import MentorDaemon
import MentorProtocol
import ServiceLifecycle

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

    /// Used by the daemon itself: reads a configuration file in a process of its own (see
    /// IsolatedConfigurationLoader), exiting 0 if it reads, 1 with the reason if not.
    @Option(help: .hidden) var checkConfig: String?

    @Option(
        help: ArgumentHelp(
            "Configuration file.",
            discussion: "Default: $XDG_CONFIG_HOME/mentord/config.toml; a missing file means defaults.",
            valueName: "path"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Least severe messages to log: trace, debug, info, notice, warning, error.", valueName: "level"))
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
    }

    func run() async throws {
        if let checkConfig {
            do {
                _ = try DaemonConfiguration.load(path: checkConfig)
                return
            } catch {
                FileHandle.standardError.write(Data("mentord: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        // Files we create (database, WAL, socket) are private to the user, whatever the caller's umask.
        umask(0o077)
        // Each client is a descriptor: allow as many as the hard limit (systemd's advice to services
        // that need more than the traditional 1024), so [limits] max_connections is what limits.
        var files = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files) == 0, files.rlim_cur < files.rlim_max {
            files.rlim_cur = files.rlim_max
            _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = JournalLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "mentord")
        let defaults = DaemonPaths.defaults()
        let paths = DaemonPaths(
            socket: socket ?? defaults.socket, database: database ?? defaults.database,
            configuration: config ?? defaults.configuration)
        do {
            let loader: @Sendable (String) async throws -> DaemonConfiguration = {
                try await IsolatedConfigurationLoader.load(path: $0, executable: "/proc/self/exe")
            }
            let configuration = try await loader(paths.configuration)
            let daemon = MentorDaemon(
                paths: paths, configuration: configuration, loadConfiguration: loader, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [
                        .init(
                            service: daemon, successTerminationBehavior: .gracefullyShutdownGroup,
                            failureTerminationBehavior: .gracefullyShutdownGroup)
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            logger.critical("Failed to run: \(error)")
            throw ExitCode.failure
        }
    }
}
