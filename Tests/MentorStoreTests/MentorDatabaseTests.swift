import Foundation
import GRDB
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct MentorDatabaseTests {
    @Test func createsTheDirectoryPrivatelyAndMigratesFromEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("new/dir/mentord.sqlite3")
        let database = try MentorDatabase(path: path)
        defer { try? database.close() }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.file("new/dir"))
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let queue = try DatabaseQueue(path: path)
        let tables = try queue.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(Set(tables).isSuperset(of: ["relationship", "meeting", "grdb_migrations"]))
        let journal = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        #expect(
            MentorDatabase.knownMigrations == [
                "v1 relationships and meetings", "v2 reminder ledger and per-meeting offsets", "v3 recurring meetings",
                "v4 occurrence exceptions", "v5 mentoring loop", "v6 commitment reminders", "v7 calendar import",
                "v8 goal progress and quiet nudges", "v9 followed calendars", "v10 series index",
            ])
    }

    @Test func keepsMeetingsAcrossReopening() async throws {
        let fixture = try StoreFixture()
        let added = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        try fixture.database.close()
        let reopened = try MentorDatabase(path: fixture.path)
        defer { try? reopened.close() }
        #expect(try await MeetingStore(database: reopened).meeting(id: added.id) == added)
        #expect(try await reopened.integrityCheck() == ["ok"])
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("notes.txt")
        let content = Data("my precious notes, not SQLite\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try MentorDatabase(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesADatabaseFromANewerVersionAndLeavesItAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("mentord.sqlite3")
        try MentorDatabase(path: path).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        // Fold the WAL into the main file so that the bytes compared below are the whole database.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99 from the future"])) {
            try MentorDatabase(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func reportsALockedDatabaseAndChangesNothing() async throws {
        let fixture = try StoreFixture()
        let impatient = MeetingStore(database: try MentorDatabase(path: fixture.path, busyTimeout: 0.1))
        // Another connection holds the write lock (an exclusive transaction) for the whole attempt.
        let holder = try LockHolder(path: fixture.path)
        await #expect(throws: StoreError.databaseFailure(reason: "database is locked")) {
            try await impatient.add(try fixture.draft(), now: fixture.now)
        }
        holder.release()
        #expect(try await fixture.store.counts(now: fixture.now).meetings == 0)
        _ = try await impatient.add(try fixture.draft(), now: fixture.now)
        #expect(try await fixture.store.counts(now: fixture.now).meetings == 1, "works again once the lock is gone")
    }

    @Test func refusesRowsThatBreakTheSchemaInvariants() throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        #expect(throws: DatabaseError.self) {
            try queue.write {
                try $0.execute(sql: "INSERT INTO relationship (partner, role, created_at) VALUES ('x', 'boss', 0)")
            }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write {
                try $0.execute(
                    sql: """
                        INSERT INTO meeting (relationship_id, title, start, time_zone, duration_seconds, created_at, updated_at)
                        VALUES (42, 't', 0, 'UTC', 60, 0, 0)
                        """)
            }
        }
    }
}

extension MentorDatabaseTests {
    /// The file `status` names holds everything once the database is closed: a copy of it alone
    /// (without `-wal`) is a complete database.
    @Test func closingLeavesEverythingInTheMainFile() async throws {
        let fixture = try StoreFixture()
        let added = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        try fixture.database.close()
        try fixture.database.close()  // twice is harmless
        let wal = (try? FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        let copy = fixture.path + ".copy"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
        let reopened = try MentorDatabase(path: copy)
        defer { try? reopened.close() }
        #expect(try await MeetingStore(database: reopened).meeting(id: added.id) == added)
    }

    @Test func refusesADatabaseWithADamagedPageAndLeavesItAlone() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        try fixture.database.close()
        // Page 2 holds the first table's root: garbage there is what a failing disk leaves.
        let handle = try #require(FileHandle(forUpdatingAtPath: fixture.path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0x55, count: 4096))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        #expect {
            try MentorDatabase(path: fixture.path)
        } throws: { error in
            guard case .corrupt(let path, let reason)? = error as? StoreError else { return false }
            return path == fixture.path && !reason.isEmpty
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == before)
    }

    @Test func checkpointEmptiesTheWALWhileOpen() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        try await fixture.database.checkpoint()
        let wal = (try? FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    @Test func backupRefusesRelativePathsAndTheDatabaseItself() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        for (path, reason) in [
            ("backup.sqlite3", "not an absolute path"), (fixture.path, "that is the database itself"),
            (fixture.path + "-wal", "that is the database itself"), ("/dev/null", "not a regular file"),
            ("/nonexistent/directory/backup.sqlite3", "No such file or directory"),
        ] {
            await #expect(throws: StoreError.cannotBackUp(path: path, reason: reason)) {
                try await fixture.database.backup(to: path)
            }
        }
        let copy = fixture.path + ".backup"
        #expect(try await fixture.database.backup(to: copy) > 0)
        let reopened = try MentorDatabase(path: copy)
        defer { try? reopened.close() }
        #expect(try await reopened.integrityCheck() == ["ok"])
    }
}

/// Another SQLite connection, on its own thread, holding an exclusive transaction until released.
private final class LockHolder: @unchecked Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        Thread.detachNewThread { [self] in
            try? queue.inDatabase { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.signal()
                released.wait()
                try db.execute(sql: "ROLLBACK")
            }
            finished.signal()
        }
        locked.wait()
    }

    func release() {
        released.signal()
        finished.wait()
    }
}
