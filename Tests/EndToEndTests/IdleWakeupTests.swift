import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// An idle mentord never wakes up, even after a restart on an existing database, every channel
/// delivering a reminder, a reload of the configuration, connections that closed, and with a client still subscribed. The first job libdispatch runs on
/// a global queue would start its one-second monitor for good (see EventLoopGlobalExecutor), so
/// this fails as soon as any path reaches one, with the threads that woke.
struct IdleWakeupTests {
    @Test func anIdleDaemonDoesNotWakeAfterUsingEveryChannel() async throws {
        try await offThePool { [self] in try anIdleDaemonDoesNotWakeAfterUsingEveryChannelBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func anIdleDaemonDoesNotWakeAfterUsingEveryChannelBlocking() throws {
        let bus = try PrivateSessionBus()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ran = directory.file("hook-ran")
        // A 3 s idle timeout: the timers of the connections closed below would come due inside the
        // window, and a timer that was cancelled but left armed wakes the daemon there.
        try
            (DaemonProcess.secondsConfiguration + "[hook]\ncommand = [\"/bin/sh\", \"-c\", \"echo >> '\(ran)'\"]\n"
            + "[limits]\nidle_timeout = \"3s\"\n")
            .write(toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        // A restart on an existing database: opening one takes paths that a new one skips.
        _ = try DaemonProcess(in: directory).stop()
        let daemon = try DaemonProcess(in: directory, environment: bus.environment)
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        _ = try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: "Quiet", partner: "Sam", role: .mentee, start: "in 1h", timeZone: "Europe/Berlin",
                duration: "30m", offsets: "purpose=2h,preparation=off,plan=off,participation=off"))
        try #require(watcher.waitFor(count: 1).count == 1, "\(daemon.stderr)")
        try #require(bus.waitForNotifications(count: 1).count == 1, "\(daemon.stderr)")
        for _ in 0..<250 where !FileManager.default.fileExists(atPath: ran) { Thread.sleep(forTimeInterval: 0.02) }
        #expect(try daemon.ctl(["test-notify"]).status == 0)
        kill(daemon.pid, SIGHUP)
        // The calendars are reconciled after READY: that work too must be over.
        try #require(daemon.waitForLog("Applied the reloaded configuration's calendars"), "\(daemon.stderr)")

        // A connection that closes now: its idle timer, cancelled, would come due 1.5 s into the window.
        _ = try daemon.connect().call(GetStatus.self, NoParameters())
        // Let the work above finish, then watch: the monitor would add one per second.
        Thread.sleep(forTimeInterval: 1.5)
        let before = ThreadWakeups(pid: daemon.pid)
        Thread.sleep(forTimeInterval: 4)
        let woke = ThreadWakeups(pid: daemon.pid).since(before)
        #expect(woke.total == 0, "threads that woke: \(woke.byThread)")
    }
}
