import Foundation
import MentorTestSupport
import Testing

/// `WatchdogSec=`: the service manager sets WATCHDOG_USEC, and mentord pings at half that.
struct WatchdogTests {
    @Test func pingsTheWatchdogWhenOneIsSet() throws {
        let daemon = try DaemonProcess(environment: ["WATCHDOG_USEC": "200000"])
        defer { daemon.directory.remove() }
        #expect(daemon.notify.waitFor("WATCHDOG=1", count: 3, timeout: 5).found)
    }

    @Test func staysSilentWithoutAWatchdog() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        #expect(!daemon.notify.waitFor("WATCHDOG=1", timeout: 0.5).found)
    }
}
