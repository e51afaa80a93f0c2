import CConcurrencyHook
import Glibc
import NIOCore
import NIOPosix

/// Runs Swift Concurrency's global executor on SwiftNIO's singleton event loops instead of
/// libdispatch's global queues, so that an idle mentord never wakes up.
///
/// Why: the first job libdispatch runs on a global (non-overcommit) queue starts its workqueue
/// monitor, a one-second timer on its manager thread that then runs for the life of the process:
/// 60 wake-ups a minute with nothing due. Serial queues, Dispatch sources and NIO's threads (which
/// sleep in `epoll_wait` until there is work) never start it.
///
/// Why not NIO's own `unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()`:
/// it finds the runtime's hook with `dlsym`, which fails in the binaries mentord ships. They are
/// built with `--static-swift-stdlib`, where the runtime's symbols are hidden, so NIO's takeover
/// returned false and the installed daemon woke once a second while the tests' dynamically linked
/// build did not. Here the hook is named to the linker (`CConcurrencyHook`), which works both ways.
///
/// The takeover covers tasks and continuations. It does not cover `Task.sleep`: on Linux the
/// runtime arms a sleeping task's wake-up on a global queue directly, bypassing every hook. So the
/// daemon never sleeps in a task; it waits with Dispatch timer sources on serial queues
/// (`WallClockTimer`, `SpawnedCommand`) or NIO scheduled tasks. The idle wake-up test
/// (`IdleWakeupTests`) fails if something starts the monitor again.
///
/// Install once, from the main thread, before the first task exists, that is at the top of
/// `main.swift`. Tests that run the daemon in process keep the default executor.
public enum EventLoopGlobalExecutor {
    /// Event loops of NIO's singleton group, which runs every task and serves every connection.
    public static let loopCount = 2

    /// The runtime's signature for the hook: the job, and the enqueue it replaces.
    private typealias EnqueueGlobalHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// Installs the takeover; false if another hook is already in place (tasks then run on
    /// libdispatch as before, and an idle daemon wakes once a second).
    @discardableResult
    public static func install() -> Bool {
        let slot = mentord_enqueue_global_hook_slot()!
        guard slot.pointee == nil else { return false }
        // Two loops whatever the machine (NIO's default is one per core): one user's meetings never
        // need more, and each thread costs its stack and a malloc arena. Two, not one, so that a
        // long piece of work (a large calendar import) leaves a loop free for calls and reminders.
        // Settable once, before the singleton exists: `NIO_SINGLETON_GROUP_LOOP_COUNT` still wins.
        // getenv, not ProcessInfo: this runs first thing, and ProcessInfo copies the environment.
        if getenv("NIO_SINGLETON_GROUP_LOOP_COUNT") == nil {
            NIOSingletons.groupLoopCountSuggestion = Self.loopCount
        }
        return withUnsafeTemporaryAllocation(of: EnqueueGlobalHook.self, capacity: 1) { hook in
            // `any()` keeps a job on the loop it was enqueued from when that is one of the
            // singleton's, so an await inside a handler does not hop threads.
            hook.baseAddress!.initialize(to: { job, _ in
                MultiThreadedEventLoopGroup.singleton.any().enqueue(ExecutorJob(job))
            })
            // A thin function is a bare code pointer, which is what the runtime calls.
            hook.baseAddress!.withMemoryRebound(to: UnsafeMutableRawPointer.self, capacity: 1) {
                slot.pointee = $0.pointee
            }
            return true
        }
    }

    /// Whether the takeover is in place (`mentord` logs it when it is not).
    public static var isInstalled: Bool { mentord_enqueue_global_hook_slot()!.pointee != nil }
}
