import Foundation
import GRDB
import Synchronization

/// The mentord database file: opened in WAL mode, checked, and migrated.
///
/// Opening refuses, without writing a byte, a file that is not SQLite, a damaged one (`PRAGMA
/// quick_check`), and one that a newer mentord has migrated further than this version knows.
///
/// Damage that shows up later, as SQLite's `SQLITE_CORRUPT` on any call, is not retried around:
/// the database is marked damaged (``damage``), the handler given at opening hears of it once,
/// every later write is refused before it reaches the file, and reads go on as far as they can,
/// so that what is still readable can be exported or backed up.
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
    /// Set by ``close()``.
    private let isClosed = Mutex(false)
    /// Set once SQLite reported damage: what was found.
    private let damageFound = Mutex<String?>(nil)
    /// Told once, when damage is first found.
    private let onDamage: @Sendable (StoreError) -> Void

    /// Reports committed changes (see ``onChange(_:)``); added to every pool this object opens.
    let changes = ChangeObserver()

    /// How long a write waits by default for another process holding the lock before failing.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// Opens (creating if missing) the database at `path`, creating its directory with mode 0700.
    /// A call waits up to `busyTimeout` seconds for another process's lock before failing.
    /// `onDamage` is called once, with the error later calls get, if SQLite finds the file damaged
    /// after it was opened (the caller logs it; the store only throws).
    public init(
        path: String, busyTimeout: TimeInterval = MentorDatabase.defaultBusyTimeout,
        onDamage: @escaping @Sendable (StoreError) -> Void = { _ in }
    ) throws(StoreError) {
        self.path = path
        self.onDamage = onDamage
        do {
            try Self.createParentDirectory(of: path)
            try Self.checkHeader(of: path)
            let migrator = Migrations.migrator
            if let probe = try Self.inspect(path, migrator: migrator) {
                retired.withLock { $0.append(probe) }
            }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "mentord"
            configuration.prepareDatabase { db in
                try Self.limitPageCache(db)
                guard !db.configuration.readonly else { return }
                // The main file stays close behind the WAL while the daemon runs: after a commit
                // that leaves more than 256 pages (1 MiB) in the WAL, SQLite copies them into the
                // main file (SQLite's default is 1000 pages), and a WAL grown past 1 MiB shrinks
                // back at its next reset. Both happen after writes, so an idle daemon never wakes.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 256; PRAGMA journal_size_limit = 1048576")
            }
            self.configuration = configuration
            let pool = try Self.openPool(path: path, configuration: configuration)
            current = Mutex(pool)
            if !pool.configuration.readonly {
                try migrator.migrate(pool)
            } else if try !pool.read(migrator.hasCompletedMigrations) {
                throw StoreError.cannotOpen(
                    path: path, reason: "the file system is read-only, and the database needs migrating")
            }
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

    /// Copies everything the WAL holds into the database file and empties the WAL
    /// (`wal_checkpoint(TRUNCATE)`), so that the file at ``path`` alone holds all the data: what a
    /// user who copies or syncs that file (the path `mentorctl status` shows) expects to get.
    ///
    /// Waits for the write lock and for readers of older snapshots, up to the busy timeout, and
    /// throws ``StoreError/databaseFailure(reason:)`` if they do not finish.
    public func checkpoint() async throws {
        guard !isClosed.withLock({ $0 }) else { throw StoreError.databaseFailure(reason: "the database is closed") }
        try await writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Checkpoints (see ``checkpoint()``) and closes every connection; later calls fail. It blocks
    /// until every reader is given back: call it off the threads that run tasks (see ``reopen()``).
    public func close() throws {
        // Once only: GRDB hands a checkpoint on a closed connection to SQLite as a null pointer.
        guard !isClosed.withLock({ $0 }) else { return }
        // A checkpoint that cannot run (a reader still open) leaves the WAL for SQLite's next
        // open, which replays it: the data is safe, only not yet in the main file. A damaged
        // file gets nothing more written to it, not even the WAL's pages: `.recover` reads both.
        if damage == nil {
            _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        try pool.close()
        isClosed.withLock { $0 = true }
    }

    /// Writes a consistent copy of the database to `path` while the daemon goes on serving,
    /// through SQLite's online backup; returns the copy's size in bytes.
    ///
    /// `path` must be absolute (the daemon's working directory is `/`) and name a regular file
    /// or nothing yet; anything else is refused untouched, as is the database itself. The copy is
    /// written to a new private (0600) file in the same directory and renamed over `path` only
    /// once it is complete, so a failure (a full disk) leaves an older backup as it was. The copy
    /// is one file: nothing of it lives in a `-wal` beside it.
    public func backup(to path: String) async throws(StoreError) -> Int64 {
        let refuse = { (reason: String) in StoreError.cannotBackUp(path: path, reason: reason) }
        guard path.hasPrefix("/") else { throw refuse("not an absolute path") }
        var target = stat()
        if lstat(path, &target) == 0 {
            guard target.st_mode & S_IFMT == S_IFREG else { throw refuse("not a regular file") }
            for own in [self.path, self.path + "-wal", self.path + "-shm"] {
                var status = stat()
                if stat(own, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
                    throw refuse("that is the database itself")
                }
            }
        } else if errno != ENOENT {
            throw refuse(String(cString: strerror(errno)))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // mkstemp: a new file (O_EXCL), mode 0600 whatever the umask; SQLite keeps the mode.
        var template = Array("\(directory == "/" ? "" : directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw refuse(String(cString: strerror(errno))) }
        Glibc.close(descriptor)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed {
                unlink(temporary)
                unlink(temporary + "-journal")
            }
        }
        do {
            let destination = try DatabaseQueue(path: temporary)
            // Kept once closed, as every closed connection is (see `retired`).
            retired.withLock { $0.append(destination) }
            defer { try? destination.close() }
            // A read transaction is one snapshot: the copy is consistent even while writes go on.
            try await pool.read { db in
                try destination.writeWithoutTransaction { copy in try db.backup(to: copy) }
            }
        } catch let error as DatabaseError {
            throw refuse(error.message ?? error.description)
        } catch {
            throw refuse("\(error)")
        }
        guard rename(temporary, path) == 0 else { throw refuse(String(cString: strerror(errno))) }
        renamed = true
        var copied = stat()
        return stat(path, &copied) == 0 ? Int64(copied.st_size) : 0
    }

    /// A write transaction; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    ///
    /// A file SQLite could only open read-only (its file system was read-only when the daemon
    /// started) stays read-only on that connection even after the file system becomes writable.
    /// So a write refused as read-only reopens the database once and tries again: writes resume
    /// as soon as the condition clears, without a restart.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if let damage { throw StoreError.corrupt(path: path, reason: damage) }
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw await damaged(error)
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
                        let fresh = try Self.openPool(path: self.path, configuration: self.configuration)
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

    /// Work outside a transaction on the writer connection (a checkpoint); SQLite's failures become
    /// ``StoreError/databaseFailure(reason:)``.
    private func writeWithoutTransaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        if let damage { throw StoreError.corrupt(path: path, reason: damage) }
        do {
            return try await pool.writeWithoutTransaction(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw await damaged(error)
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: Self.reason(error))
        }
    }

    /// A read; SQLite's failures become ``StoreError/databaseFailure(reason:)``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw await damaged(error)
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(reason: Self.reason(error))
        }
    }

    /// A pool on `path`; read-only when the file can only be read (its file system is read-only).
    ///
    /// GRDB writes one empty transaction when it opens a pool on a database whose WAL is missing or
    /// empty, which it is after a clean stop (see ``close()``) or for a restored backup. On a
    /// read-only file system that write fails: the pool is then opened read-only, reads are served,
    /// and the first write reopens it writable (see ``write(_:)``).
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            var readOnly = configuration
            readOnly.readonly = true
            return try DatabasePool(path: path, configuration: readOnly)
        }
    }

    /// What SQLite found damaged, once it has: nil while the database is sound.
    public var damage: String? { damageFound.withLock { $0 } }

    /// Whether SQLite says the file is damaged (any extended code of SQLITE_CORRUPT, or a file that
    /// stopped being a database).
    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Marks the database damaged, the first time with what `PRAGMA quick_check` finds (SQLite's
    /// own message says only "database disk image is malformed"), and returns the error to throw.
    private func damaged(_ error: DatabaseError) async -> StoreError {
        if let damage { return .corrupt(path: path, reason: damage) }
        let found = try? await pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        let reason = found.flatMap { $0 == ["ok"] ? nil : Self.quickCheckReport($0) } ?? error.message ?? "\(error)"
        let first = damageFound.withLock { recorded in
            if recorded != nil { return false }
            recorded = reason
            return true
        }
        let failure = StoreError.corrupt(path: path, reason: damage ?? reason)
        if first { onDamage(failure) }
        return failure
    }

    /// `quick_check`'s rows as one line, for a log line and an error reply: its rows hold line
    /// breaks and a `*** in database main ***` heading.
    static func quickCheckReport(_ rows: [String]) -> String {
        rows.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("*** in database") }
            .joined(separator: "; ")
    }

    /// Names of the migrations this version knows, in order.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Runs `PRAGMA integrity_check` and returns its lines ("ok" when healthy).
    public func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Looks at an existing file through a read-only connection, so that a database this version
    /// must refuse is never opened for writing at all: one migrated by a newer mentord, or one
    /// that `PRAGMA quick_check` finds damaged (every page and b-tree, without the slower index
    /// cross-checks of `integrity_check`: about 4 ms for 10,000 meetings, 1.2 MB, and 13 ms for
    /// 50,000, 4.8 MB, on a 2-vCPU machine).
    /// Returns the closed probe connection, to be kept (see ``retired``).
    private static func inspect(_ path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue? {
        // stat(2), not FileManager's attributes: those also look up the owner's user and group
        // names, reading /etc/passwd and /etc/group at every start.
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        // The check reads every page once: a bigger cache only costs allocations (about 1 ms of
        // the 5 ms it takes at 10,000 meetings with SQLite's 2 MiB).
        configuration.prepareDatabase(Self.limitPageCache)
        let probe = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? probe.close() }
        // The check first: a damaged schema would otherwise fail the migrator's reads with only
        // "database disk image is malformed".
        let check = try probe.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        guard check == ["ok"] else { throw StoreError.corrupt(path: path, reason: quickCheckReport(check)) }
        let (superseded, applied) = try probe.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
        }
        if superseded {
            let known = Set(migrator.migrations)
            throw StoreError.newerSchema(path: path, unknownMigrations: applied.subtracting(known).sorted())
        }
        return probe
    }

    /// 256 KiB of page cache per connection, not SQLite's 2 MiB: the start-up sweep reads every
    /// meeting once, and a connection then kept the whole file (1.2 MB at 10,000 meetings) for
    /// good. Pages read again come from the kernel's page cache.
    private static func limitPageCache(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -256")
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
