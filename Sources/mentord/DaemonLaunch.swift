import Foundation
import Logging
import MentorDaemon
import ServiceLifecycle

/// One run of the daemon as its command line asks: three paths, each nil for its XDG default, and
/// the least severe level to log.
///
/// Apart from ``MentordCommand`` so that a start with no arguments, the one the installed unit
/// makes, runs without ArgumentParser (see main.swift).
struct DaemonLaunch {
    var socket: String?
    var database: String?
    var config: String?
    var logLevel: Logger.Level = Self.defaultLogLevel

    /// The least severe level logged when `--log-level` is not given.
    static let defaultLogLevel = Logger.Level.info

    /// Runs the daemon until SIGTERM or SIGINT; the process's exit status, `EXIT_FAILURE` once
    /// the reason it could not start or go on is logged.
    func run() async -> Int32 {
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
        let level = logLevel
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
            return EXIT_FAILURE
        }
        return EXIT_SUCCESS
    }

    /// `path` against the working directory when it is relative.
    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }
}
