/// Lets at most `limit` hooks run at once; the others wait their turn in order.
///
/// After downtime the engine may deliver a digest for many meetings in one go: without a gate that
/// would fork as many hooks at the same moment.
actor HookGate {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` once a place is free.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        if running >= limit {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        // The place passes straight to the next waiter, or is given back.
        defer { if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() } }
        return try await body()
    }
}
