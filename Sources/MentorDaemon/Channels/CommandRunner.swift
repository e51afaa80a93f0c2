import Foundation

/// Runs a user-configured command: the argv as given, no shell, in its own session so that a
/// timeout stops the command and everything it started.
///
/// Output (stdout and stderr together) is drained as it comes, so a chatty command never blocks
/// on a full pipe; only the first ``keptOutputBytes`` are kept, for the log.
enum CommandRunner {
    /// Variables of the daemon's service manager, removed from a command's environment.
    static let serviceVariables = [
        "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
    ]

    /// How much output is kept for the log.
    static let keptOutputBytes = 4096

    /// How a run ended.
    struct Outcome: Sendable, Hashable {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var timedOut: Bool
        /// The start of the output, lossily decoded.
        var output: String
        var outputBytes: Int
    }

    /// Why a command could not run at all.
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `argv` with this process's environment plus `environment`, for at most `timeout`
    /// seconds; then SIGTERM to its process group, and SIGKILL two seconds later.
    static func run(_ argv: [String], environment: [String: String], timeout: Int) async throws -> Outcome {
        guard !argv.isEmpty else { throw LaunchError(description: "no command configured") }
        // The service manager's variables are the daemon's alone: a hook must not speak for the
        // service (NOTIFY_SOCKET, WATCHDOG_*) or think it was socket-activated (LISTEN_*).
        var variables = ProcessInfo.processInfo.environment
        for name in Self.serviceVariables { variables[name] = nil }
        variables.merge(environment) { _, new in new }
        let command = try SpawnedCommand(
            argv: argv, environment: variables.map { "\($0.key)=\($0.value)" }, keptBytes: keptOutputBytes)
        return await command.outcome(timeout: timeout)
    }

    /// The full path of `program` on PATH (or itself when it contains a slash), if executable.
    static func locate(_ program: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
