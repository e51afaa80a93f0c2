import Testing

@testable import MentorDaemon

/// Which clock settings re-plan the reminders: the values the monitor passes, wall less monotonic.
struct ClockStepFilterTests {
    @Test func aTimeSyncNudgingTheClockIsNoStepUntilItAddsUpToOne() {
        var filter = ClockStepFilter(offset: 1_000)
        // Half a millisecond ten times a second, as a virtual machine's time sync was seen doing.
        var offset = 1_000.0
        var steps = 0
        for _ in 0..<2_100 {
            offset += 0.0005
            if filter.isStep(offset: offset) { steps += 1 }
        }
        // 1.05 s in all: counted once, when the nudges reached a second.
        #expect(steps == 1)
        #expect(filter.counted > 1_000.99 && filter.counted < 1_001.01)
    }

    @Test func aStepOrASuspendCountsAtOnceEitherWay() {
        var filter = ClockStepFilter(offset: 0)
        // Set an hour ahead, or an hour asleep; then a nudge; set back by two seconds; a nudge.
        let counted = [3_600, 3_600.2, 3_598, 3_598.999].map { filter.isStep(offset: $0) }
        #expect(counted == [true, false, true, false])
    }
}
