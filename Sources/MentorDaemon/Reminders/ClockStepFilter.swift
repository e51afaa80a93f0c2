/// Which of the kernel's "the clock was set" reports are steps worth re-planning for.
///
/// The kernel reports every setting of the clock, however small: a virtual machine's time sync
/// was seen setting it forward by half a millisecond ten times a second, which made mentord
/// re-plan every reminder ten times a second for as long as it lasted. A step counts once the
/// wall clock has moved, against the monotonic one, by ``smallestStep`` or more since the last
/// step counted, so that small settings that add up still count. Suspend counts as well: the
/// monotonic clock stands still while the machine sleeps.
struct ClockStepFilter {
    /// Seconds: less than that moves no reminder by a noticeable amount (they are planned to the
    /// minute, and the watchdog's deadline has WatchdogSec= of slack).
    static let smallestStep = 1.0

    /// The wall clock less the monotonic one, in seconds, when the last step was counted.
    private(set) var counted: Double

    init(offset: Double) {
        counted = offset
    }

    /// Whether the clock, now `offset` (wall less monotonic, seconds), was stepped since the last
    /// step counted; if so, this one is counted.
    mutating func isStep(offset: Double) -> Bool {
        guard abs(offset - counted) >= Self.smallestStep else { return false }
        counted = offset
        return true
    }
}
