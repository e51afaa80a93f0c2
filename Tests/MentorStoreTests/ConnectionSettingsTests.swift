import GRDB
import Testing

@testable import MentorStore

/// What every connection mentord opens is set to, read back from SQLite itself.
struct ConnectionSettingsTests {
    /// The page cache is bounded at 256 KiB on the writer and on readers alike: with SQLite's
    /// default (2 MiB), each connection kept whatever the start-up sweep had read.
    @Test func everyConnectionKeepsASmallPageCache() async throws {
        let fixture = try StoreFixture()
        let writer = try await fixture.database.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        let reader = try await fixture.database.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        #expect(writer == -256)
        #expect(reader == -256)
    }

    /// The WAL settings that keep an idle daemon from waking are on the writer.
    @Test func theWriterCheckpointsEarlyAndBoundsTheWAL() async throws {
        let fixture = try StoreFixture()
        let settings = try await fixture.database.write { db in
            [
                try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"),
                try Int.fetchOne(db, sql: "PRAGMA journal_size_limit"),
            ]
        }
        #expect(settings == [256, 1_048_576])
    }
}
