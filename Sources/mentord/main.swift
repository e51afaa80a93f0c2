import Dispatch
import MentorDaemon

// Before the first task exists: once any job runs on libdispatch's global queues, its one-second
// workqueue monitor ticks for the life of the process (see EventLoopGlobalExecutor).
EventLoopGlobalExecutor.install()

/// Runs the command on the global executor while the main thread waits for it.
///
/// Not async top-level code: Swift ends an async main's thread with `pthread_exit` (in
/// `dispatch_main`), a forced unwind of the main thread's stack that loads libgcc_s and reads the
/// binary's unwind tables, 1 MB of them left resident, at every start. Nothing in mentord runs on
/// the main actor or the main queue, so the main thread has nothing to drain; detached, the task
/// does not inherit the main actor of top-level code.
func runMentord() {
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
        await MentordCommand.main()
        finished.signal()
    }
    finished.wait()
}
runMentord()
