import Dispatch
import Foundation
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
        // The installed unit starts mentord with no arguments, as socket activation does: with
        // nothing to parse, ArgumentParser is not asked to. It would parse the empty command line
        // three times, twice only to look for a completion-script request, and reflect on the
        // command's properties, which scans the binary's protocol conformances: about 1.3 ms of a
        // 19 ms start at 10,000 meetings (docs/performance.md, sixth pass).
        if CommandLine.arguments.count <= 1 {
            let status = await DaemonLaunch().run()
            if status != EXIT_SUCCESS { exit(status) }
        } else {
            await MentordCommand.main()
        }
        finished.signal()
    }
    finished.wait()
}
runMentord()
