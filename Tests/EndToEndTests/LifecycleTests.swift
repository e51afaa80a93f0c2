import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Start-up, shutdown, crashes and files on disk, with real processes.
struct LifecycleTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func tellsTheManagerItIsReadyAndStoppingAndRemovesItsSocket() async throws {
        try await offThePool { [self] in try tellsTheManagerItIsReadyAndStoppingAndRemovesItsSocketBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func tellsTheManagerItIsReadyAndStoppingAndRemovesItsSocketBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        #expect(
            daemon.notify.waitFor("READY=1").messages.contains(
                "READY=1\nSTATUS=Serving \(daemon.socketPath); no reminder due"))
        #expect(daemon.stop() == 0)
        #expect(daemon.notify.waitFor("STOPPING=1", timeout: 1).found)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        #expect(daemon.stderr.contains("Stopping"))
    }

    @Test func keepsItsFilesPrivate() async throws {
        try await offThePool { [self] in try keepsItsFilesPrivateBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func keepsItsFilesPrivateBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl(["add", "x", "--with", "Sam", "--role", "mentee", "--at", "in 1h"])
        #expect(mode(daemon.socketPath) == 0o600)
        #expect(mode(daemon.directory.file("data")) == 0o700)
        #expect(mode(daemon.databasePath) == 0o600)
    }

    @Test func keepsEveryRepliedAddAcrossKillNine() async throws {
        try await offThePool { [self] in try keepsEveryRepliedAddAcrossKillNineBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func keepsEveryRepliedAddAcrossKillNineBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try DaemonProcess(in: directory)
        let connection = try first.connect()
        var ids: [Int64] = []
        for index in 0..<20 {
            ids.append(
                try connection.call(
                    AddMeeting.self, .init(title: "M\(index)", partner: "Sam", role: .mentee, start: "in 3h")
                ).meeting.id)
        }
        first.crash()
        #expect(FileManager.default.fileExists(atPath: first.socketPath), "a crash leaves the socket behind")
        let second = try DaemonProcess(in: directory)
        let stored = try second.connect().call(ListMeetings.self, .init()).meetings.map(\.id)
        #expect(stored == ids)
        #expect(second.stop() == 0)
    }

    @Test func refusesToStartWhenAnotherDaemonListens() async throws {
        try await offThePool { [self] in try refusesToStartWhenAnotherDaemonListensBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesToStartWhenAnotherDaemonListensBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let second = try ProcessRunner.run(
            BuildProducts.executable("mentord"),
            ["--socket", daemon.socketPath, "--database", daemon.directory.file("other.sqlite3")])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another mentord already listens on \(daemon.socketPath)"))
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).pid == Int(daemon.pid))
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesItUntouched() async throws {
        try await offThePool { [self] in try refusesAFileThatIsNotADatabaseAndLeavesItUntouchedBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAFileThatIsNotADatabaseAndLeavesItUntouchedBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("notes.sqlite3")
        try "important notes\n".write(toFile: path, atomically: false, encoding: .utf8)
        let result = try ProcessRunner.run(
            BuildProducts.executable("mentord"), ["--socket", directory.file("socket"), "--database", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path) is not an SQLite database; it was left untouched"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "important notes\n")
        #expect(!FileManager.default.fileExists(atPath: directory.file("socket")))
    }

    @Test func refusesABadConfigurationFileNamingTheLine() async throws {
        try await offThePool { [self] in try refusesABadConfigurationFileNamingTheLineBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesABadConfigurationFileNamingTheLineBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ProcessRunner.mentord(config: "[limits]\nmax_conections = 3\n", in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(directory.file("config.toml")):2: 'limits.max_conections' unknown key"))
    }

    @Test func startsTheDaemonOnDemandUnlessToldNotTo() async throws {
        try await offThePool { [self] in try startsTheDaemonOnDemandUnlessToldNotToBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func startsTheDaemonOnDemandUnlessToldNotToBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = [
            "MENTORD_SOCKET": directory.file("socket"), "XDG_DATA_HOME": directory.file("data"),
            "XDG_STATE_HOME": directory.file("state"), "XDG_CONFIG_HOME": directory.file("config"),
        ]
        let refused = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["status", "--no-autostart"], environment: environment)
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("mentord is not running"))
        #expect(refused.stderr.contains("systemctl --user start mentord.socket"))

        let started = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["status", "--json"], environment: environment)
        #expect(started.status == 0, "\(started)")
        let status = try JSONDecoder().decode(GetStatus.Reply.self, from: Data(started.stdout.utf8))
        defer { kill(pid_t(status.pid), SIGTERM) }
        #expect(status.databasePath == directory.file("data/mentord/mentord.sqlite3"))
        #expect(FileManager.default.fileExists(atPath: directory.file("state/mentord/mentord.log")))
        let again = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["status", "--json"], environment: environment)
        #expect(again.stdout.contains("\"pid\" : \(status.pid)"), "the second call reaches the same daemon")
    }

    @Test func startsOneDaemonWhenTwoClientsRaceToStartIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = [
            "MENTORD_SOCKET": directory.file("socket"), "XDG_DATA_HOME": directory.file("data"),
            "XDG_STATE_HOME": directory.file("state"), "XDG_CONFIG_HOME": directory.file("config"),
        ]
        let results = try await withThrowingTaskGroup(of: ProcessResult.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try ProcessRunner.run(
                        BuildProducts.executable("mentorctl"), ["status", "--json"], environment: environment)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
        let pids = Set(
            try results.map { try JSONDecoder().decode(GetStatus.Reply.self, from: Data($0.stdout.utf8)).pid })
        #expect(pids.count == 1, "every client reached the same daemon")
        for pid in pids { kill(pid_t(pid), SIGTERM) }
    }
}
