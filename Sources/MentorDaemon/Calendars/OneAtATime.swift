/// Lets async work take turns, in the order it asked, across its suspension points: an actor alone
/// lets another call in whenever the one under way awaits, which is exactly what must not happen
/// between reading the calendars and changing which of them are followed, or during one sync.
actor OneAtATime {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the turn; ``leave()`` ends it.
    func enter() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
    }

    /// Ends the turn and hands it to the caller that has waited longest.
    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` in a turn of its own, ended however `body` ends.
    nonisolated func run<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
