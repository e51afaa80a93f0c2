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
        // Paths given on the command line are the caller's: made absolute before leaving their
        // directory. The daemon then runs in /, so that it keeps no directory busy (a USB stick
        // the first mentorctl happened to run in) and resolves nothing against one.
        let socket = self.socket.map(Self.absolute)
        let database = self.database.map(Self.absolute)
        let config = self.config.map(Self.absolute)
        _ = chdir("/")
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
        if !EventLoopGlobalExecutor.isInstalled {
            logger.warning("Tasks run on libdispatch's global queues: an idle mentord wakes once a second")
        }
        let defaults = DaemonPaths.defaults()
        let paths = DaemonPaths(
            socket: socket ?? defaults.socket, database: database ?? defaults.database,
            configuration: config ?? defaults.configuration)
        do {
            let configuration = try DaemonConfiguration.load(path: paths.configuration)
            let daemon = MentorDaemon(paths: paths, configuration: configuration, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [
                        // Named here: without a name ServiceLifecycle writes "\(service)", and
                        // describing a type that describes nothing checks it against every
                        // protocol conformance in the binary, a tenth of a start's CPU.
                        .init(
                            service: daemon, successTerminationBehavior: .gracefullyShutdownGroup,
                            failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: "MentorDaemon")
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            logger.critical("Failed to run: \(error)")
            throw ExitCode.failure
        }
    }

    /// `path` against the working directory when it is relative.
    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }
}
