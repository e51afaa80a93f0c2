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
    private let process: ChildProcess
    private let errors: TemporaryFile

    /// Starts mentord in `directory` (a new one by default) and waits until it is ready.
    /// `launcher` runs first and must exec its arguments (`unshare`, a wrapper script), so the
    /// daemon keeps the pid the test holds.
    /// - Throws: ``DaemonProcessError`` with the daemon's stderr when it exits or never gets ready.
    public init(
        in directory: TemporaryDirectory? = nil, arguments: [String] = [], environment: [String: String] = [:],
        launcher: [String] = []
    ) throws {
        self.directory = try directory ?? TemporaryDirectory()
        notify = try NotifySocketListener(path: self.directory.file("notify-\(UUID().uuidString.prefix(8))"))
        errors = try TemporaryFile()
        let command = launcher + [BuildProducts.executable("mentord")]
        process = try ChildProcess(
            command[0],
            Array(command.dropFirst()) + [
                "--socket", self.directory.file("socket"), "--database", self.directory.file("data/mentord.sqlite3"),
                "--config", self.directory.file("config.toml"),
            ] + arguments,
            // UTC unless the test says otherwise, as mentorctl runs in tests: a meeting added without a
            // zone takes the daemon's, and the machine's own must not change what a test sees.
            environment: ["TZ": "UTC"].merging(environment) { $1 }.merging(["NOTIFY_SOCKET": notify.path]) { $1 },
            removingEnvironment: ["JOURNAL_STREAM"],
            stdout: errors.path, stderr: errors.path)
        let ready = notify.waitFor("READY=1")
        guard ready.found else {
            process.send(SIGKILL)
            process.wait()
            throw DaemonProcessError.notReady(stderr: errors.contents())
        }
    }

    deinit {
        process.send(SIGKILL)
        process.wait()
        errors.remove()
    }

    /// The daemon's process id.
    public var pid: Int32 { process.pid }

    /// Everything the daemon wrote to stderr so far.
    public var stderr: String { errors.contents() }

    /// Waits until the daemon's stderr holds `text` `count` times, at most `timeout` seconds;
    /// whether it does.
    public func waitForLog(_ text: String, count: Int = 1, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while stderr.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// Whether the process still runs.
    public var isRunning: Bool { process.isRunning }

    /// Sends SIGTERM and waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        process.send(SIGTERM)
        return process.wait()
    }

    /// Sends SIGTERM and waits at most `seconds`; the exit status, or nil if it still runs then
    /// (it is killed, so the test can go on).
    public func stop(within seconds: TimeInterval) -> Int32? {
        process.send(SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        guard process.isRunning else { return process.wait() }
        crash()
        return nil
    }

    /// Sends SIGKILL and waits: a crash, with no chance to clean up.
    public func crash() {
        process.send(SIGKILL)
        process.wait()
    }

    /// A new client connection.
    public func connect() throws -> VarlinkConnection {
        try VarlinkConnection(path: socketPath)
    }

    /// Runs `mentorctl` against this daemon (never autostarting another one), as a user in UTC
    /// unless `environment` gives another `TZ` or `removingEnvironment` unsets it: mentorctl shows
    /// times in its user's zone, and a test must not depend on the machine's unless it says so.
    public func ctl(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        removingEnvironment: [String] = []
    ) throws -> ProcessResult {
        let zone = removingEnvironment.contains("TZ") ? [:] : ["TZ": "UTC"]
        return try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), arguments + ["--no-autostart"],
            environment: zone.merging(environment) { $1 }.merging(["MENTORD_SOCKET": socketPath]) { $1 },
            input: input, removingEnvironment: removingEnvironment)
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
