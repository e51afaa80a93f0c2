import Foundation
import GRDB
import Synchronization

/// The mentord database file: opened in WAL mode, checked, and migrated.
///
/// Opening refuses, without writing a byte, a file that is not SQLite, a damaged one, and one that
/// a newer mentord has migrated further than this version knows.
public final class MentorDatabase: Sendable {
    /// Where the database lives.
    public let path: String
    private let configuration: Configuration
    /// Replaced when SQLite had to open the file read-only (see ``write(_:)``).
    private let current: Mutex<DatabasePool>
    var pool: DatabasePool { current.withLock { $0 } }

    /// Closed connections, kept until the database object goes. GRDB tags each connection's
    /// dispatch queue with a queue-specific value, and libdispatch frees those on a global queue
    /// when the queue goes: that one job starts libdispatch's one-second worker-pool monitor for
    /// the life of the process, and an idle daemon would wake 60 times a minute (see
    /// `EventLoopGlobalExecutor` in MentorDaemon).
    private let retired = Mutex<[any DatabaseWriter]>([])

    /// Reports committed changes (see ``onChange(_:)``); added to every pool this object opens.
    let changes = ChangeObserver()

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
            if let probe = try Self.refuseNewerSchema(at: path, migrator: migrator) {
                retired.withLock { $0.append(probe) }
            }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "mentord"
            self.configuration = configuration
            let pool = try DatabasePool(path: path, configuration: configuration)
            current = Mutex(pool)
            try migrator.migrate(pool)
            pool.add(transactionObserver: changes, extent: .databaseLifetime)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Calls `handler` after each committed transaction with what it changed, on the writer's
    /// queue: it must only hand the changes on.
    public func onChange(_ handler: @escaping @Sendable ([StoreChange]) -> Void) {
        changes.onChange(handler)
    }

    /// Closes every connection; later calls fail. It blocks until every reader is given back: call it
    /// off the threads that run tasks (see ``reopen()``).
    public func close() throws {
        try pool.close()
    }

    /// A write transaction; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    ///
    /// A file SQLite could only open read-only (its file system was read-only when the daemon
    /// started) stays read-only on that connection even after the file system becomes writable.
    /// So a write refused as read-only reopens the database once and tries again: writes resume
    /// as soon as the condition clears, without a restart.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            do {
                return try await reopen().write(body)
            } catch let again as DatabaseError {
                throw StoreError.databaseFailure(reason: Self.reason(again))
            }
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: Self.reason(error))
        }
    }

    /// SQLite's message; for an I/O error also its extended code, which says which call failed.
    static func reason(_ error: DatabaseError) -> String {
        let message = error.message ?? error.description
        guard error.resultCode == .SQLITE_IOERR else { return message }
        return "\(message) (extended code \(error.extendedResultCode.rawValue))"
    }

    /// Closes the pool and opens a fresh one, on a thread of its own: closing waits for every
    /// reader to be given back, and an async read gives its reader back only once its task runs
    /// again, which must never wait for the thread blocked here (in mentord, the one event loop
    /// that runs every task).
    private func reopen() async throws -> DatabasePool {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        // Connections of one process share SQLite's file state, the read-only shared
                        // memory included: the old pool must go before a new one can write.
                        try self.pool.close()
                        let fresh = try DatabasePool(path: self.path, configuration: self.configuration)
                        fresh.add(transactionObserver: self.changes, extent: .databaseLifetime)
                        self.current.withLock {
                            self.retired.withLock { [old = $0] in $0.append(old) }
                            $0 = fresh
                        }
                        return fresh
                    })
            }
        }
    }

    /// A read; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: Self.reason(error))
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
    /// Returns the closed probe connection, to be kept (see ``retired``).
    private static func refuseNewerSchema(at path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue? {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else {
            return nil
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
        return probe
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
