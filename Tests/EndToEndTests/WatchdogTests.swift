import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `WatchdogSec=`: the service manager sets WATCHDOG_USEC, and mentord pings from its engine's own
/// wake-ups, saying each time how long the next sign of life may take (`WATCHDOG_USEC=`): until the
/// engine's next wake (at most an hour) plus WatchdogSec=.
struct WatchdogTests {
    @Test func pingsOnlyWhenTheEngineWakes() async throws {
        try await offThePool { [self] in try pingsOnlyWhenTheEngineWakesBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func pingsOnlyWhenTheEngineWakesBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders(environment: ["WATCHDOG_USEC": "200000"])
        defer { daemon.directory.remove() }
        // Nothing due: the pings at start-up allow an hour and the watchdog's 0.2 s.
        let started = daemon.notify.waitFor("WATCHDOG=1", timeout: 10)
        #expect(started.found)
        #expect(waits(in: started.messages).allSatisfy { (3600...3601).contains($0) }, "\(started.messages)")
        // Idle: no ping every 0.1 s, as half of WATCHDOG_USEC would have it.
        let idle = daemon.notify.waitFor("WATCHDOG=1", count: 3, timeout: 1)
        #expect(!idle.found, "\(idle.messages)")

        // A card due in 3 s: the ping after the add covers it, and the one after it went out
        // covers the next wake (the meeting's start, when its card is done with).
        let before = pings(in: idle.messages)
        _ = try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: "Soon", partner: "Ana", role: .mentor, start: "in 4s", duration: "1s",
                offsets: "purpose=off,preparation=off,plan=off,participation=1s,capture=off,capture_again=off"))
        let planned = daemon.notify.waitFor("WATCHDOG=1", count: before + 1, timeout: 10)
        let wait = try #require(waits(in: planned.messages).last)
        #expect(wait >= 0.2 && wait < 3.5, "the next wake is the card, about 3 s away: \(wait)")
        // The add's own pings come at once; the next one is the card's wake, about 3 s after the add.
        usleep(1_500_000)
        let settled = pings(in: daemon.notify.waitFor("WATCHDOG=1", count: .max, timeout: 0).messages)
        #expect(daemon.notify.waitFor("WATCHDOG=1", count: settled + 1, timeout: 10).found, "the card's wake pings")
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

    private func pings(in messages: [String]) -> Int {
        messages.filter { $0.split(separator: "\n").contains("WATCHDOG=1") }.count
    }

    /// The `WATCHDOG_USEC=` of each ping, in seconds.
    private func waits(in messages: [String]) -> [Double] {
        messages.flatMap { $0.split(separator: "\n") }.compactMap { line in
            line.hasPrefix("WATCHDOG_USEC=") ? Double(line.dropFirst("WATCHDOG_USEC=".count)).map { $0 / 1e6 } : nil
        }
    }
}
