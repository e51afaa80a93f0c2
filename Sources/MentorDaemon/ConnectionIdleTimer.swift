import Dispatch
import NIOCore

/// Closes an idle connection after a timeout unless cancelled first, on a Dispatch timer.
///
/// Why not the event loop's `scheduleTask`: NIO arms its timerfd for the earliest scheduled task
/// and leaves it armed when that task is cancelled, so every connection that closed (each
/// `mentorctl` call) woke an idle daemon once, a full timeout after its last reply. A cancelled
/// Dispatch timer source leaves libdispatch's timer heap and its kernel timer is re-armed for
/// what is left, here nothing. The queue is serial: it never starts libdispatch's ticking
/// worker-pool monitor (see `EventLoopGlobalExecutor`).
struct ConnectionIdleTimer: @unchecked Sendable {
    // @unchecked: a Dispatch source may be cancelled from any thread; it is never mutated here.
    private let source: any DispatchSourceTimer

    private static let queue = DispatchQueue(label: "io.mentord.idle-connections")

    /// Arms the timer: `channel` is closed `timeout` from now.
    init(closing channel: any Channel, after timeout: TimeAmount) {
        source = DispatchSource.makeTimerSource(queue: Self.queue)
        source.schedule(deadline: .now() + .nanoseconds(Int(timeout.nanoseconds)))
        source.setEventHandler { channel.close(promise: nil) }
        source.activate()
    }

    /// Disarms the timer; the channel stays open.
    func cancel() {
        source.cancel()
    }
}
