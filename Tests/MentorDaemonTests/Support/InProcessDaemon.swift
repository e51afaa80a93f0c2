import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorTestSupport
import NIOConcurrencyHelpers
import ServiceLifecycle

@testable import MentorDaemon

/// The whole daemon in the test's process, on a temporary socket and database, with a manual clock
/// and a timer the test fires: protocol-level tests move time instead of sleeping.
///
/// Clients are real: ``call(_:_:)`` speaks Varlink over the socket, ``ctl(_:)`` runs `mentorctl`,
/// and ``watch()`` subscribes. Blocking client I/O runs on threads of its own, never on the
/// concurrency pool the daemon runs on.
final class InProcessDaemon: Sendable {
    let directory: TemporaryDirectory
    let clock: ManualClock
    let timer: ManualTimer
    private let engine = NIOLockedValueBox<ReminderService?>(nil)
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    var socketPath: String { directory.file("socket") }
    var databasePath: String { directory.file("data/mentord.sqlite3") }

    /// Reminder settings for tests whose offsets are seconds: quiet hours and working days would move
    /// them, and merging would join them into one card.
    static var secondsConfiguration: DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.reminders.quietHours = nil
        configuration.reminders.workingDays = Set(1...7)
        configuration.reminders.mergeWithinSeconds = 0
        configuration.channels.desktop = false
        configuration.channels.journal = false
        return configuration
    }

    /// Starts the daemon at `now` and returns once it answers calls with its first plan made.
    init(
        now: Date, configuration: DaemonConfiguration = InProcessDaemon.secondsConfiguration,
        userZone: TimeZone = TimeZone(identifier: "UTC")!, in directory: TemporaryDirectory? = nil
    ) async throws {
        self.directory = try directory ?? TemporaryDirectory()
        clock = ManualClock(now)
        timer = ManualTimer(clock: clock)
        var logger = Logger(label: "mentord.test")
        logger.logLevel = .warning
        let daemon = MentorDaemon(
            paths: DaemonPaths(
                socket: self.directory.file("socket"), database: self.directory.file("data/mentord.sqlite3"),
                configuration: self.directory.file("config.toml")),
            configuration: configuration, clock: clock, timer: timer.factory,
            onEngine: { [engine] service in engine.withLockedValue { $0 = service } }, userZone: userZone,
            logger: logger)
        group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        running = Task { [group] in try await group.run() }
        try await waitUntilServing()
    }

    /// Stops the daemon the way SIGTERM does and waits for it to end.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Removes the directory; the daemon must be stopped.
    func remove() {
        directory.remove()
    }

    // MARK: - Time

    /// Moves the clock to `target`, firing the timer at each deadline on the way, as a daemon that
    /// ran all along would have.
    func advance(to target: Date) async throws {
        while true {
            try await settle()
            guard let deadline = timer.deadline, deadline <= target else { break }
            clock.set(max(clock.now(), deadline))
            timer.fire()
        }
        clock.set(target)
        try await settle()
    }

    /// Moves the clock by `seconds`.
    func advance(by seconds: TimeInterval) async throws {
        try await advance(to: clock.now().addingTimeInterval(seconds))
    }

    /// Jumps the clock to `target` with nothing fired on the way (a suspend, a stopped process),
    /// then fires the timer once, as a passed wall-clock deadline does at resume.
    func jump(to target: Date) async throws {
        clock.set(target)
        timer.fire()
        try await settle()
    }

    /// Sets the clock to `target` and tells the daemon it was set, as the kernel's timerfd does.
    func step(to target: Date) async throws {
        clock.set(target)
        engine.withLockedValue { $0 }?.clockStepped()
        try await settle()
    }

    /// Returns once the engine handled everything before this call: a `GetNextReminder` waits for
    /// its turn behind every earlier event.
    func settle() async throws {
        _ = try await call(GetNextReminder.self, NoParameters())
    }

    // MARK: - Clients

    /// One call over a new connection.
    func call<Method: VarlinkMethod>(_ method: Method.Type, _ parameters: Method.Parameters) async throws
        -> Method.Reply
    {
        let socket = socketPath
        return try await offThePool { try VarlinkConnection(path: socket).call(method, parameters) }
    }

    /// The error a call fails with.
    func error<Method: VarlinkMethod>(_ method: Method.Type, _ parameters: Method.Parameters) async -> (any Error)? {
        do {
            _ = try await call(method, parameters)
            return nil
        } catch {
            return error
        }
    }

    /// Runs `mentorctl` against this daemon (never autostarting another one).
    func ctl(_ arguments: [String], input: String? = nil) async throws -> ProcessResult {
        let socket = socketPath
        return try await offThePool {
            try ProcessRunner.run(
                BuildProducts.executable("mentorctl"), arguments + ["--no-autostart"],
                environment: ["MENTORD_SOCKET": socket, "TZ": "UTC"], input: input)
        }
    }

    /// Every card `watcher` has been sent so far, test cards left out. A `TestNotify` card goes to
    /// subscribers after every card sent before it, so once it arrived the list is complete:
    /// a test can say what did not come, too.
    func cards(of watcher: ReminderWatcher) async throws -> [Wire.Reminder] {
        try await settle()
        let tests = watcher.received.filter { $0.kind == .test }.count
        _ = try await call(TestNotify.self, NoParameters())
        let all = try await offThePool { watcher.waitUntil { $0.filter { $0.kind == .test }.count > tests } }
        return all.filter { $0.kind != .test }
    }

    /// A subscriber collecting every card from now on.
    func watch() async throws -> ReminderWatcher {
        let socket = socketPath
        return try await offThePool { try ReminderWatcher(socket: socket) }
    }

    private func waitUntilServing() async throws {
        for _ in 0..<500 {
            if (try? await settle()) != nil { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw DaemonProcessError.notReady(stderr: "the in-process daemon never answered on \(socketPath)")
    }
}

extension ReminderWatcher {
    /// The cards received once there are `count` (or after the timeout), waited for off the pool;
    /// test cards (see ``InProcessDaemon/cards(of:)``) neither count nor show.
    func cards(count: Int, timeout: TimeInterval = 5) async -> [Wire.Reminder] {
        let all = try? await offThePool {
            self.waitUntil(timeout: timeout) { $0.filter { $0.kind != .test }.count >= count }
        }
        return (all ?? []).filter { $0.kind != .test }
    }
}
