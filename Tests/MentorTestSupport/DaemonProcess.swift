import Foundation
import MentorProtocol

/// A real `mentord` process on a private socket and database, started and stopped by a test.
///
/// Start-up is awaited the way systemd awaits it: the daemon's `READY=1` on a `NOTIFY_SOCKET`
/// owned by the test, so no test sleeps or polls for the socket.
public final class DaemonProcess: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var socketPath: String { directory.file("socket") }
    public var databasePath: String { directory.file("data/mentord.sqlite3") }
    public var configPath: String { directory.file("config.toml") }
    /// What the daemon told its service manager.
    public let notify: NotifySocketListener
    private let process: Process
    private let errors: TemporaryFile

    /// Starts mentord in `directory` (a new one by default) and waits until it is ready.
    /// - Throws: ``DaemonProcessError`` with the daemon's stderr when it exits or never gets ready.
    public init(
        in directory: TemporaryDirectory? = nil, arguments: [String] = [], environment: [String: String] = [:]
    ) throws {
        self.directory = try directory ?? TemporaryDirectory()
        notify = try NotifySocketListener(path: self.directory.file("notify-\(UUID().uuidString.prefix(8))"))
        errors = try TemporaryFile()
        process = Process()
        process.executableURL = URL(fileURLWithPath: BuildProducts.executable("mentord"))
        process.arguments =
            [
                "--socket", self.directory.file("socket"), "--database", self.directory.file("data/mentord.sqlite3"),
                "--config", self.directory.file("config.toml"),
            ] + arguments
        var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        merged["NOTIFY_SOCKET"] = notify.path
        merged.removeValue(forKey: "JOURNAL_STREAM")
        process.environment = merged
        process.standardError = errors.handle
        process.standardOutput = errors.handle
        try process.run()
        let ready = notify.waitFor("READY=1")
        guard ready.found else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw DaemonProcessError.notReady(stderr: errors.contents())
        }
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        errors.remove()
    }

    /// The daemon's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Everything the daemon wrote to stderr so far.
    public var stderr: String { errors.contents() }

    /// Whether the process still runs.
    public var isRunning: Bool { process.isRunning }

    /// Sends SIGTERM and waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends SIGKILL and waits: a crash, with no chance to clean up.
    public func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A new client connection.
    public func connect() throws -> VarlinkConnection {
        try VarlinkConnection(path: socketPath)
    }

    /// Runs `mentorctl` against this daemon (never autostarting another one).
    public func ctl(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws
        -> ProcessResult
    {
        try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), arguments + ["--no-autostart"],
            environment: environment.merging(["MENTORD_SOCKET": socketPath]) { $1 }, input: input)
    }
}

/// Why a test daemon could not be used.
public enum DaemonProcessError: Error, CustomStringConvertible {
    case notReady(stderr: String)

    public var description: String {
        switch self {
        case .notReady(let stderr): "mentord did not become ready; its stderr:\n\(stderr)"
        }
    }
}
