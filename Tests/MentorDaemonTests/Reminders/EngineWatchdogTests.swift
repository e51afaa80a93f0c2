import Foundation
import Synchronization
import Testing

@testable import MentorDaemon

/// The watchdog is fed from the engine's wake-ups: each ping allows until the next wake plus
/// WatchdogSec=, and the engine never sleeps longer than an hour while supervised.
struct EngineWatchdogTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The wake `fed` returns and the wait it pinged with, in seconds.
    private func feed(deadline: Date?) -> (wake: Date, wait: Double) {
        let waits = Mutex<[Duration]>([])
        let watchdog = EngineWatchdog(grace: 60) { wait in waits.withLock { $0.append(wait) } }
        let wake = watchdog.fed(deadline: deadline, now: now)
        let sent = waits.withLock { $0 }
        #expect(sent.count == 1)
        return (wake, (sent.first ?? .zero) / .seconds(1))
    }

    @Test func aNearDeadlineIsKeptAndCovered() {
        let (wake, wait) = feed(deadline: now.addingTimeInterval(90))
        #expect(wake == now.addingTimeInterval(90))
        #expect(wait == 150)
    }

    @Test func nothingDueWakesWithinTheHour() {
        for deadline in [nil, now.addingTimeInterval(86_400 * 400)] {
            let (wake, wait) = feed(deadline: deadline)
            #expect(wake == now.addingTimeInterval(EngineWatchdog.longestSleep))
            #expect(wait == EngineWatchdog.longestSleep + 60)
        }
    }

    @Test func aPassedDeadlineAllowsWatchdogSecAlone() {
        let (wake, wait) = feed(deadline: now.addingTimeInterval(-5))
        #expect(wake == now.addingTimeInterval(-5))
        #expect(wait == 60)
    }
}
