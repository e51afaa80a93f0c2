import Foundation
import MentorStore
import Synchronization
import Testing

@testable import MentorDaemon

/// GetStatus's counts are kept between calls, but never past a commit or past the moment the
/// upcoming count changes with time alone.
struct StatusCountsTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A reader that counts its reads and answers `upcoming` meetings, changing at `changesAt`.
    private final class Reader: Sendable {
        let reads = Mutex(0)
        let changesAt: Date?
        init(changesAt: Date?) { self.changesAt = changesAt }

        func read(_: Date) -> (counts: StoreCounts, changesAt: Date?) {
            let count = reads.withLock { reads in
                reads += 1
                return reads
            }
            return (StoreCounts(meetings: count, upcomingMeetings: count, relationships: 1), changesAt)
        }
    }

    @Test func keptUntilACommit() async throws {
        let counts = StatusCounts()
        let reader = Reader(changesAt: nil)
        #expect(try await counts.counts(now: now) { reader.read($0) }.meetings == 1)
        #expect(try await counts.counts(now: now.addingTimeInterval(600)) { reader.read($0) }.meetings == 1)
        counts.invalidate()
        #expect(try await counts.counts(now: now) { reader.read($0) }.meetings == 2)
    }

    @Test func readAgainOnceTheUpcomingCountChanges() async throws {
        let counts = StatusCounts()
        let reader = Reader(changesAt: now.addingTimeInterval(60))
        _ = try await counts.counts(now: now) { reader.read($0) }
        #expect(try await counts.counts(now: now.addingTimeInterval(59)) { reader.read($0) }.meetings == 1)
        #expect(try await counts.counts(now: now.addingTimeInterval(60)) { reader.read($0) }.meetings == 2)
    }

    @Test func aReadOverlappingACommitIsNotKept() async throws {
        let counts = StatusCounts()
        let reader = Reader(changesAt: nil)
        let first = try await counts.counts(now: now) { date in
            counts.invalidate()  // a commit lands while this read runs
            return reader.read(date)
        }
        #expect(first.meetings == 1)
        #expect(try await counts.counts(now: now) { reader.read($0) }.meetings == 2)
    }
}
