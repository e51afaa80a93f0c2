import MentorDaemon

// Before the first task exists: once any job runs on libdispatch's global queues, its one-second
// workqueue monitor ticks for the life of the process (see EventLoopGlobalExecutor).
EventLoopGlobalExecutor.install()

/// In an async function the async `main()` of AsyncParsableCommand wins over the synchronous one
/// of ParsableCommand, which top-level code would pick.
func runMentord() async {
    await MentordCommand.main()
}
await runMentord()
