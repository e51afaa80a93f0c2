/// Whether `error` says only that its task was cancelled: mentord is stopping (a graceful stop
/// cancels the tasks of its services) or gave the work up (a calendar no longer followed). The
/// store, the fetchers and every `await` in them refuse a cancelled task's calls, with
/// `CancellationError` or with an error of their own. Nothing failed then: the work is done again
/// at the next start, so it is neither logged as an error nor recorded against anything.
func isCancellation(_ error: any Error) -> Bool {
    error is CancellationError || Task.isCancelled
}
