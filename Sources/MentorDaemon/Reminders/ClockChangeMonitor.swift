import CSystemd
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Tells the daemon when the system clock was set (stepped), so it can recompute reminders whose
/// wall-clock deadlines moved relative to now: a `timerfd` with `TFD_TIMER_CANCEL_ON_SET`, read
/// through a dispatch source. It costs no wake-up until the clock actually changes, and settings
/// too small to move a reminder are not passed on (``ClockStepFilter``).
final class ClockChangeMonitor: @unchecked Sendable {
    private let descriptor: Int32
    private var source: DispatchSourceRead?

    /// Starts watching; `handler` runs on `queue` after each clock step. Nil when the kernel
    /// refuses the timerfd (then steps are only noticed at the next deadline).
    init?(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        descriptor = mentord_clock_change_fd()
        guard descriptor >= 0 else { return nil }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        var filter = ClockStepFilter(offset: Self.wallLessMonotonic())
        source.setEventHandler { [descriptor] in
            var expirations: UInt64 = 0
            // ECANCELED is the point: the clock was set. Re-arm to keep watching.
            if read(descriptor, &expirations, 8) < 0 && errno == ECANCELED {
                mentord_clock_change_arm(descriptor)
                if filter.isStep(offset: Self.wallLessMonotonic()) { handler() }
            }
        }
        // Closed once the source has let go of it: closing earlier could let libdispatch act on a
        // descriptor number already reused by another file.
        source.setCancelHandler { [descriptor] in close(descriptor) }
        source.activate()
        self.source = source
    }

    deinit {
        source?.cancel()
    }

    /// CLOCK_REALTIME less CLOCK_MONOTONIC, in seconds: what a step or a suspend changes.
    private static func wallLessMonotonic() -> Double {
        var wall = timespec()
        var monotonic = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        clock_gettime(CLOCK_MONOTONIC, &monotonic)
        return Double(wall.tv_sec - monotonic.tv_sec) + Double(wall.tv_nsec - monotonic.tv_nsec) / 1e9
    }
}
