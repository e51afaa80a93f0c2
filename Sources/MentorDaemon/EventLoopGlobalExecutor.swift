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
/// NIO's takeover covers tasks and continuations. It does not cover `Task.sleep`: on Linux the
/// runtime arms a sleeping task's wake-up on a global queue directly, bypassing every hook. So the
/// daemon never sleeps in a task; it waits with Dispatch timer sources on serial queues
/// (`WallClockTimer`, `SpawnedCommand`) or NIO scheduled tasks. The idle wake-up test
/// (`IdleWakeupTests`) fails if something starts the monitor again.
///
/// Install once, from the main thread, before the first task exists, that is at the top of
/// `main.swift`. Tests that run the daemon in process keep the default executor.
public enum EventLoopGlobalExecutor {
    /// Installs the takeover; false if the runtime does not offer the hook (tasks then run on
    /// libdispatch as before, and an idle daemon wakes once a second).
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
