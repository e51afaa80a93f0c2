import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `systemd-socket-activate` stands in for systemd's socket units: it listens, and starts mentord
/// with the socket in LISTEN_FDS on the first connection.
struct SocketActivationTests {
    static let activator = [
        "/usr/bin/systemd-socket-activate", "/bin/systemd-socket-activate", "/lib/systemd/systemd-socket-activate",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: activator != nil, "systemd-socket-activate is not installed"))
    func startsOnTheFirstConnectionAndServesThePassedSocket() async throws {
        try await offThePool { [self] in try startsOnTheFirstConnectionAndServesThePassedSocketBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func startsOnTheFirstConnectionAndServesThePassedSocketBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let socket = directory.file("socket")
        let activator = try Self.activate(
            socket,
            arguments: ["--database", directory.file("db.sqlite3"), "--socket", directory.file("unused-socket")])
        defer {
            activator.send(SIGTERM)
            activator.wait()
        }

        let result = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"),
            ["add", "Activated", "--with", "Sam", "--role", "mentee", "--at", "in 1h", "--no-autostart"],
            environment: ["MENTORD_SOCKET": socket])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Added meeting 1: Activated"))
        #expect(
            !FileManager.default.fileExists(atPath: directory.file("unused-socket")),
            "the passed socket is used, no other")
        let status = try VarlinkConnection(path: socket).call(GetStatus.self, NoParameters())
        #expect(status.meetings == 1)
        #expect(status.socketPath == socket, "reports the socket it was given, not its --socket")
        #expect(status.pid == Int(activator.pid), "the activator became mentord (exec)")
    }

    /// As the installed unit starts it: no arguments at all, so every path comes from the
    /// environment, and mentord parses no command line (main.swift).
    @Test(.enabled(if: activator != nil, "systemd-socket-activate is not installed"))
    func startsWithNoArgumentsAsTheInstalledUnitDoes() async throws {
        try await offThePool { [self] in try startsWithNoArgumentsAsTheInstalledUnitDoesBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func startsWithNoArgumentsAsTheInstalledUnitDoesBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let socket = directory.file("socket")
        // As pam_systemd makes it; the data and configuration directories are left to mentord.
        try FileManager.default.createDirectory(
            atPath: directory.file("runtime"), withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        let activator = try Self.activate(
            socket, arguments: [],
            environment: [
                "XDG_DATA_HOME": directory.file("data"), "XDG_CONFIG_HOME": directory.file("config"),
                "XDG_RUNTIME_DIR": directory.file("runtime"),
            ])
        defer {
            activator.send(SIGTERM)
            activator.wait()
        }
        let status = try VarlinkConnection(path: socket).call(GetStatus.self, NoParameters())
        #expect(status.pid == Int(activator.pid))
        #expect(status.databasePath == directory.file("data/mentord/mentord.sqlite3"))
        #expect(FileManager.default.fileExists(atPath: status.databasePath))
    }

    /// Started for a call but refusing to run (here: its config is a FIFO), mentord can only
    /// close the connection: mentorctl says where the reason is written.
    @Test(.enabled(if: activator != nil, "systemd-socket-activate is not installed"))
    func aRefusedStartTellsWhereTheReasonIs() async throws {
        try await offThePool { [self] in try aRefusedStartTellsWhereTheReasonIsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aRefusedStartTellsWhereTheReasonIsBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let socket = directory.file("socket")
        #expect(mkfifo(directory.file("config.toml"), 0o600) == 0)
        let activator = try Self.activate(
            socket, arguments: ["--database", directory.file("db.sqlite3"), "--config", directory.file("config.toml")])
        defer {
            activator.send(SIGTERM)
            activator.wait()
        }
        let result = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["status", "--no-autostart"],
            environment: ["MENTORD_SOCKET": socket, "XDG_STATE_HOME": directory.file("state")])
        #expect(result.status == 69, "\(result)")
        #expect(
            result.stderr
                == "mentorctl: the daemon closed the connection; if mentord stopped, its log says why: "
                + "'journalctl --user -u mentord', or \(directory.file("state"))/mentord/mentord.log when mentorctl "
                + "started it\n", "\(result)")
    }

    @Test func refusesAPassedDescriptorThatIsNotAListeningSocket() async throws {
        try await offThePool { [self] in try refusesAPassedDescriptorThatIsNotAListeningSocketBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAPassedDescriptorThatIsNotAListeningSocketBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A misconfigured unit passing a plain file as fd 3 must stop start-up, not be ignored.
        let result = try ProcessRunner.run(
            "/bin/sh",
            [
                "-c", "LISTEN_PID=$$ LISTEN_FDS=1 exec \"$0\" --database \"$1\" --socket \"$2\" 3</dev/null",
                BuildProducts.executable("mentord"), directory.file("db.sqlite3"), directory.file("socket"),
            ])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("descriptor 3 passed by the service manager is not a listening Unix stream socket"),
            "\(result)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("socket")))
    }

    /// Starts systemd-socket-activate listening on `socket`, to exec mentord with `arguments` and
    /// `environment` on the first connection, and returns once the socket listens.
    private static func activate(
        _ socket: String, arguments: [String], environment: [String: String] = [:]
    ) throws -> ChildProcess {
        let activator = try ChildProcess(
            Self.activator!,
            ["-l", socket] + environment.map { "-E\($0.key)=\($0.value)" }.sorted()
                + [BuildProducts.executable("mentord")] + arguments)
        let deadline = Date().addingTimeInterval(10)
        while !ListeningSocket.exists(at: socket) && Date() < deadline { usleep(10_000) }
        return activator
    }
}
