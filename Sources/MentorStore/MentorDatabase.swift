import Foundation
import GRDB

/// The mentord database file: opened in WAL mode, checked, and migrated.
///
/// Opening refuses, without writing a byte, a file that is not SQLite, a damaged one, and one that
/// a newer mentord has migrated further than this version knows.
public final class MentorDatabase: Sendable {
    /// Where the database lives.
    public let path: String
    let pool: DatabasePool

    /// How long a write waits by default for another process holding the lock before failing.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// Opens (creating if missing) the database at `path`, creating its directory with mode 0700.
    /// A call waits up to `busyTimeout` seconds for another process's lock before failing.
    public init(path: String, busyTimeout: TimeInterval = MentorDatabase.defaultBusyTimeout) throws(StoreError) {
        self.path = path
        do {
            try Self.createParentDirectory(of: path)
            try Self.checkHeader(of: path)
            let migrator = Migrations.migrator
            try Self.refuseNewerSchema(at: path, migrator: migrator)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "mentord"
            pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Closes every connection; later calls fail.
    public func close() throws {
        try pool.close()
    }

    /// A write transaction; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: error.message ?? error.description)
        }
    }

    /// A read; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: error.message ?? error.description)
        }
    }

    /// Names of the migrations this version knows, in order.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Runs `PRAGMA integrity_check` and returns its lines ("ok" when healthy).
    public func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Looks at an existing file through a read-only connection, so that a database this version
    /// must refuse is never opened for writing at all.
    private static func refuseNewerSchema(at path: String, migrator: DatabaseMigrator) throws {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else {
            return
        }
        var configuration = Configuration()
        configuration.readonly = true
        let probe = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? probe.close() }
        let (superseded, applied) = try probe.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
        }
        if superseded {
            let known = Set(migrator.migrations)
            throw StoreError.newerSchema(path: path, unknownMigrations: applied.subtracting(known).sorted())
        }
    }

    private static func createParentDirectory(of path: String) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Refuses a non-empty file that does not start with SQLite's magic header, before SQLite gets a
    /// chance to treat it as anything.
    private static func checkHeader(of path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw .notADatabase(path: path)
        }
    }

    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, reason: error.message ?? "\(error)")
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }
}
