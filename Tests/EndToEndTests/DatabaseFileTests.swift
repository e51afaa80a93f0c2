import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The database file as a user sees it: what a copy of it holds after a clean stop, `mentorctl
/// backup`, and a file with damaged pages, at start-up and while the daemon runs.
@Suite(.serialized)
struct DatabaseFileTests {
    /// Runs the sqlite3 shell on `path` and returns its output, trimmed.
    @discardableResult
    private func sqlite(_ path: String, _ sql: String) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/sqlite3", [path, sql])
        #expect(result.status == 0, "sqlite3 \(sql): \(result)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o7777
    }

    private func add(_ daemon: DaemonProcess, _ count: Int, purpose: String = "") throws {
        let connection = try daemon.connect()
        for index in 0..<count {
            _ = try connection.call(
                AddMeeting.self,
                .init(
                    title: "Meeting \(index)", partner: "Ada", role: .mentor,
                    start: "2036-12-04T15:00:00Z", duration: "45m", purpose: purpose))
        }
    }

    /// Overwrites page `page` (numbered from 1) of the file with bytes no SQLite page has.
    private func damage(_ path: String, page: Int, pageSize: Int = 4096) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        var generator = SplitMix64(seed: 17)
        let garbage = (0..<pageSize).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        try handle.write(contentsOf: garbage)
    }

    /// Counts meetings without reading the table's pages, which may be damaged.
    static let countThroughTheIndex = "SELECT count(start) FROM meeting INDEXED BY meeting_by_start WHERE start > 0"

    /// A user who copies or syncs the file `status` names, without its `-wal`, has all the data.
    @Test func aCleanStopLeavesEveryMeetingInTheMainFile() async throws {
        try await offThePool { [self] in try aCleanStopLeavesEveryMeetingInTheMainFileBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aCleanStopLeavesEveryMeetingInTheMainFileBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        try add(daemon, 3)
        #expect(daemon.stop() == 0)
        #expect((fileSize(daemon.databasePath + "-wal") ?? 0) == 0, "the WAL is checkpointed and truncated")
        let copy = daemon.directory.file("copy.sqlite3")
        try FileManager.default.copyItem(atPath: daemon.databasePath, toPath: copy)
        #expect(try sqlite(copy, "SELECT count(*) FROM meeting") == "3")
    }

    @Test func backupWritesAPrivateConsistentCopyAndReplacesAnOlderOne() async throws {
        try await offThePool { [self] in try backupWritesAPrivateConsistentCopyAndReplacesAnOlderOneBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func backupWritesAPrivateConsistentCopyAndReplacesAnOlderOneBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        try add(daemon, 2)
        let target = daemon.directory.file("backups/mentord.sqlite3")
        try FileManager.default.createDirectory(
            atPath: daemon.directory.file("backups"), withIntermediateDirectories: true)
        let first = try daemon.ctl(["backup", target])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("Backed up \(daemon.databasePath) to \(target) ("), "\(first.stdout)")
        #expect(mode(target) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        #expect(try sqlite(target, "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(target, "SELECT count(*) FROM meeting") == "2")
        // An existing backup, even one readable by others, is replaced by a private file.
        chmod(target, 0o644)
        try add(daemon, 1)
        #expect(try daemon.ctl(["backup", target]).status == 0)
        #expect(try sqlite(target, "SELECT count(*) FROM meeting") == "3")
        #expect(mode(target) == 0o600)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: daemon.directory.file("backups")) == ["mentord.sqlite3"]
        )
        // A relative path is the caller's, not the daemon's (which runs in /).
        let relative = try ProcessRunner.run(
            "/bin/sh",
            [
                "-c", "cd \"$1\" && exec \"$2\" backup rel.sqlite3 --no-autostart", "sh", daemon.directory.path,
                BuildProducts.executable("mentorctl"),
            ], environment: ["MENTORD_SOCKET": daemon.socketPath])
        #expect(relative.status == 0, "\(relative)")
        #expect(try sqlite(daemon.directory.file("rel.sqlite3"), "SELECT count(*) FROM meeting") == "3")
    }

    @Test func backupRefusesWhatIsNotARegularFile() async throws {
        try await offThePool { [self] in try backupRefusesWhatIsNotARegularFileBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func backupRefusesWhatIsNotARegularFileBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let fifo = daemon.directory.file("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // timeout(1): were the FIFO opened, the call would wait for a reader for ever.
        for target in [fifo, daemon.directory.path] {
            let result = try ProcessRunner.run(
                "/usr/bin/timeout",
                ["20", BuildProducts.executable("mentorctl"), "backup", target, "--no-autostart"],
                environment: ["MENTORD_SOCKET": daemon.socketPath])
            #expect(result.status == 1, "\(target): \(result)")
            #expect(result.stderr == "mentorctl: cannot back up to \(target): not a regular file\n", "\(result)")
        }
        #expect(daemon.isRunning)
    }

    @Test func refusesToStartOnADamagedDatabaseAndNamesTheWayOut() async throws {
        try await offThePool { [self] in try refusesToStartOnADamagedDatabaseAndNamesTheWayOutBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesToStartOnADamagedDatabaseAndNamesTheWayOutBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        try add(daemon, 40)
        let path = daemon.databasePath
        daemon.stop()
        try sqlite(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        let page = try #require(
            Int(try sqlite(path, "SELECT rootpage FROM sqlite_master WHERE name = 'meeting_by_start'")))
        try damage(path, page: page)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let result = try ProcessRunner.run(
            "/usr/bin/timeout",
            [
                "20", BuildProducts.executable("mentord"), "--socket", daemon.socketPath, "--database", path,
                "--config", daemon.configPath,
            ])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("\(path) is damaged"), "\(result.stderr)")
        #expect(result.stderr.contains("mentorctl backup"), "\(result.stderr)")
        #expect(result.stderr.contains("sqlite3 \(path) .recover"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file is left as it was")

        // Started on demand, the same refusal reaches the user in one line.
        let data = daemon.directory.file("xdg-data")
        try FileManager.default.createDirectory(atPath: data + "/mentord", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: data + "/mentord/mentord.sqlite3")
        let autostarted = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["status", "--json"],
            environment: [
                "MENTORD_SOCKET": daemon.directory.file("auto.socket"), "XDG_DATA_HOME": data,
                "XDG_STATE_HOME": daemon.directory.file("state"), "XDG_CONFIG_HOME": daemon.directory.file("config"),
            ])
        if let started = try? JSONDecoder().decode(GetStatus.Reply.self, from: Data(autostarted.stdout.utf8)) {
            kill(pid_t(started.pid), SIGTERM)
        }
        #expect(autostarted.status == 69, "\(autostarted)")
        // With --json, the failure is a JSON object on stdout.
        #expect(autostarted.stdout.contains("\"mentorctl.Unavailable\""), "\(autostarted)")
        #expect(autostarted.stdout.contains("mentord exited during start-up:"), "\(autostarted)")
        #expect(autostarted.stdout.contains("is damaged"), "\(autostarted)")
        #expect(autostarted.stdout.contains("mentorctl backup"), "\(autostarted)")
    }

    /// Damage that appears while the daemon runs: the call that meets it gets a clear error, writes
    /// stop going into the damaged file, status says so, and the log says it once.
    @Test func damageFoundWhileRunningStopsWritesAndIsReportedOnce() async throws {
        try await offThePool { [self] in try damageFoundWhileRunningStopsWritesAndIsReportedOnceBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func damageFoundWhileRunningStopsWritesAndIsReportedOnceBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        // Meetings years ahead: the engine plans none of them, so no connection has read their pages.
        try add(daemon, 300, purpose: String(repeating: "p", count: 3000))
        daemon.stop()
        try sqlite(daemon.databasePath, "PRAGMA wal_checkpoint(TRUNCATE)")
        let running = try DaemonProcess(in: daemon.directory)
        let pages = try sqlite(
            running.databasePath,
            "SELECT pageno FROM dbstat WHERE name = 'meeting' AND pagetype = 'leaf' ORDER BY pageno"
        ).split(separator: "\n").compactMap { Int($0) }
        try damage(running.databasePath, page: try #require(pages.dropFirst(pages.count / 2).first))
        // A commit by another process makes every connection of the daemon drop its page cache, as
        // it would after any change: the damage is then on disk and nowhere else.
        try sqlite(running.databasePath, "PRAGMA user_version = 1; PRAGMA wal_checkpoint(TRUNCATE);")
        let sizeBefore = fileSize(running.databasePath)
        let countBefore = try sqlite(running.databasePath, Self.countThroughTheIndex)
        #expect(countBefore == "300")

        let listed = try running.ctl(["list", "--all"])
        #expect(listed.status == 1, "\(listed)")
        #expect(listed.stderr.contains("is damaged"), "\(listed.stderr)")
        #expect(listed.stderr.contains("mentorctl backup"), "\(listed.stderr)")
        let added = try running.ctl([
            "add", "After", "--with", "Ada", "--role", "mentor", "--at", "2036-12-05 15:00", "--tz", "UTC",
        ])
        #expect(added.status == 1, "\(added)")
        #expect(added.stderr.contains("is damaged"), "\(added.stderr)")
        #expect(fileSize(running.databasePath) == sizeBefore)
        #expect(try sqlite(running.databasePath, Self.countThroughTheIndex) == countBefore, "nothing was written")
        let status = try running.ctl(["status"])
        #expect(status.stdout.contains("damaged"), "\(status)")
        _ = try running.ctl(["list", "--all"])
        #expect(running.stderr.components(separatedBy: "is damaged").count == 2, "logged once: \(running.stderr)")
        #expect(running.isRunning)
    }
}
