import Foundation
import Synchronization
import Testing

@testable import MentorDaemon

/// The watchdog is fed from the engine's wake-ups: each ping allows until the next wake plus
/// WatchdogSec=, the engine never sleeps longer than an hour while supervised, and a ping goes out
/// only when that deadline moves by more than half of WatchdogSec=.
struct EngineWatchdogTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    /// The waits the pings said, in seconds.
    private final class Pings: Sendable {
        let waits = Mutex<[Double]>([])
    }
    private let pings = Pings()

    private func watchdog() -> EngineWatchdog {
        EngineWatchdog(grace: 60) { [pings] wait in pings.waits.withLock { $0.append(wait / .seconds(1)) } }
    }

    private var sent: [Double] { pings.waits.withLock { $0 } }

    @Test func aNearDeadlineIsKeptAndCovered() {
        var watchdog = watchdog()
        #expect(watchdog.fed(deadline: now.addingTimeInterval(90), now: now) == now.addingTimeInterval(90))
        #expect(sent == [150])
    }

    @Test func nothingDueWakesWithinTheHour() {
        for deadline in [nil, now.addingTimeInterval(86_400 * 400)] {
            var watchdog = watchdog()
            #expect(watchdog.fed(deadline: deadline, now: now) == now.addingTimeInterval(EngineWatchdog.longestSleep))
        }
        #expect(sent == [3660, 3660])
    }

    @Test func aPassedDeadlineAllowsWatchdogSecAlone() {
        var watchdog = watchdog()
        #expect(watchdog.fed(deadline: now.addingTimeInterval(-5), now: now) == now.addingTimeInterval(-5))
        #expect(sent == [60])
    }

    @Test func pingsOnlyWhenTheDeadlineMovesByMoreThanHalfOfWatchdogSec() {
        var watchdog = watchdog()
        let far = now.addingTimeInterval(86_400)
        _ = watchdog.fed(deadline: far, now: now)
        // A burst of events with nothing nearer: the hour moves on by seconds, no ping.
        for second in 1...30 { _ = watchdog.fed(deadline: far, now: now.addingTimeInterval(Double(second))) }
        #expect(sent.count == 1)
        // A card due in a minute moves the deadline by almost an hour: a ping.
        _ = watchdog.fed(deadline: now.addingTimeInterval(90), now: now.addingTimeInterval(30))
        #expect(sent.count == 2 && sent.last == 120)
        // After READY=1 the next one pings whatever it says.
        watchdog.forget()
        _ = watchdog.fed(deadline: now.addingTimeInterval(90), now: now.addingTimeInterval(31))
        #expect(sent.count == 3)
    }
}
