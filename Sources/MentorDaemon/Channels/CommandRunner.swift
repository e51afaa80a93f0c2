import Foundation
import Subprocess
import SystemPackage

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
        guard let program = argv.first else { throw LaunchError(description: "no command configured") }
        let options = {
            var options = PlatformOptions()
            options.createSession = true
            options.teardownSequence = [
                .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(2)),
                .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .seconds(1)),
            ]
            return options
        }()
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        // The service manager's variables are the daemon's alone: a hook must not speak for the
        // service (NOTIFY_SOCKET, WATCHDOG_*) or think it was socket-activated (LISTEN_*).
        var values: [Environment.Key: String?] = [:]
        for name in Self.serviceVariables { values[Environment.Key(stringLiteral: name)] = .some(nil) }
        for (name, value) in environment { values[Environment.Key(stringLiteral: name)] = value }
        let overrides = Environment.inherit.updating(values)
        let arguments = Arguments(Array(argv.dropFirst()))
        return try await withThrowingTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    executable, arguments: arguments, environment: overrides,
                    platformOptions: options, input: .none, output: .sequence, error: .combinedWithOutput
                ) { execution in
                    var kept: [UInt8] = []
                    var total = 0
                    for try await chunk in execution.standardOutput {
                        total += chunk.count
                        if kept.count < keptOutputBytes {
                            chunk.withUnsafeBytes { kept += $0.prefix(keptOutputBytes - kept.count) }
                        }
                    }
                    return (String(decoding: kept, as: UTF8.self), total)
                }
                let status: Int32 =
                    switch result.terminationStatus {
                    case .exited(let code): code
                    case .signaled(let signal): 128 + signal
                    }
                return Outcome(
                    status: status, timedOut: false, output: result.closureResult.0, outputBytes: result.closureResult.1
                )
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let outcome = first else {
                // The timer won: cancelling the run tears the process group down.
                group.cancelAll()
                return Outcome(status: 128 + SIGKILL, timedOut: true, output: "", outputBytes: 0)
            }
            return outcome
        }
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
