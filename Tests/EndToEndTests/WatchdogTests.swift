import Foundation
import MentorTestSupport
import Testing

/// `WatchdogSec=`: the service manager sets WATCHDOG_USEC, and mentord pings at half that.
struct WatchdogTests {
    @Test func pingsTheWatchdogWhenOneIsSet() async throws {
        try await offThePool { [self] in try pingsTheWatchdogWhenOneIsSetBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func pingsTheWatchdogWhenOneIsSetBlocking() throws {
        let daemon = try DaemonProcess(environment: ["WATCHDOG_USEC": "200000"])
        defer { daemon.directory.remove() }
        #expect(daemon.notify.waitFor("WATCHDOG=1", count: 3, timeout: 5).found)
    }

    @Test func staysSilentWithoutAWatchdog() async throws {
        try await offThePool { [self] in try staysSilentWithoutAWatchdogBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func staysSilentWithoutAWatchdogBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        #expect(!daemon.notify.waitFor("WATCHDOG=1", timeout: 0.5).found)
    }
}
