import Foundation
import MentorStore
import Synchronization

/// The counts `GetStatus` reports, kept between calls: a status bar or prompt asks many times a
/// second, and each read of the database costs a hop to a reader thread and back (about half of
/// a call's CPU). Kept until the next commit (``invalidate()``, from the database's change
/// report) or until the upcoming count changes with time alone, whichever comes first.
final class StatusCounts: Sendable {
    private struct Kept {
        var counts: StoreCounts?
        var changesAt: Date?
        /// Bumped by every commit: a read that started before one must not be kept.
        var generation = 0
    }

    private let kept = Mutex(Kept())

    /// The counts at `now`: kept ones while they hold, else `read`'s (kept when no commit came
    /// in while reading).
    func counts(
        now: Date, read: @Sendable (Date) async throws -> (counts: StoreCounts, changesAt: Date?)
    ) async throws -> StoreCounts {
        let (held, generation) = kept.withLock { kept -> (StoreCounts?, Int) in
            guard let counts = kept.counts, kept.changesAt.map({ now < $0 }) ?? true else {
                return (nil, kept.generation)
            }
            return (counts, kept.generation)
        }
        if let held { return held }
        let fresh = try await read(now)
        kept.withLock { kept in
            guard kept.generation == generation else { return }
            kept.counts = fresh.counts
            kept.changesAt = fresh.changesAt
        }
        return fresh.counts
    }

    /// Something was committed: the next call reads again.
    func invalidate() {
        kept.withLock { kept in
            kept.counts = nil
            kept.generation += 1
        }
    }
}
