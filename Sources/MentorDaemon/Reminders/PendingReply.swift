import Synchronization

/// A reply a handler waits for while its request waits for the engine's turn. It is answered once;
/// if the engine stops before the request ran (the request was dropped with the event queue), it
/// answers that the daemon is stopping, so no caller waits for ever.
final class PendingReply<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, any Error>?>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(with result: Result<Value, any Error>) {
        continuation.withLock { pending in
            pending?.resume(with: result)
            pending = nil
        }
    }

    deinit {
        resume(with: .failure(DaemonError.stopping))
    }
}
