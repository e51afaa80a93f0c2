import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The configuration file as mentord meets it at start-up: only a bounded regular file is read,
/// at once and without a helper process, and nothing depends on where the daemon was started.
struct ConfigFileTests {
    /// Runs mentord with `config` under timeout(1), so that a start-up that hangs fails the test.
    private func start(config: String, in directory: TemporaryDirectory) throws -> (ProcessResult, Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        let result = try ProcessRunner.mentord(configFile: config, in: directory)
        return (result, clock.now - started)
    }

    @Test func refusesAFIFOAtOnce() async throws {
        try await offThePool { [self] in try refusesAFIFOAtOnceBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAFIFOAtOnceBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("config.toml")
        #expect(mkfifo(fifo, 0o600) == 0)
        let (result, elapsed) = try start(config: fifo, in: directory)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("\(fifo): not a regular file"), "\(result.stderr)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    /// Started with no arguments, as the installed unit starts it, mentord reads the file under
    /// $XDG_CONFIG_HOME and exits with a failure when it must refuse it.
    @Test func readsTheDefaultFileWhenStartedWithNoArguments() async throws {
        try await offThePool { [self] in try readsTheDefaultFileWhenStartedWithNoArgumentsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func readsTheDefaultFileWhenStartedWithNoArgumentsBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.file("config/mentord"), withIntermediateDirectories: true)
        let fifo = directory.file("config/mentord/config.toml")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try ProcessRunner.mentord(
            [],
            environment: [
                "XDG_CONFIG_HOME": directory.file("config"), "XDG_DATA_HOME": directory.file("data"),
                "MENTORD_SOCKET": directory.file("socket"), "XDG_RUNTIME_DIR": directory.file("runtime"),
            ], removingEnvironment: ["LISTEN_FDS", "LISTEN_PID", "NOTIFY_SOCKET"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("\(fifo): not a regular file"), "\(result.stderr)")
    }

    @Test func refusesADeviceThatNeverEnds() async throws {
        try await offThePool { [self] in try refusesADeviceThatNeverEndsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesADeviceThatNeverEndsBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (result, elapsed) = try start(config: "/dev/zero", in: directory)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("/dev/zero: not a regular file"), "\(result.stderr)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func refusesAFileLargerThanOneMebibyte() async throws {
        try await offThePool { [self] in try refusesAFileLargerThanOneMebibyteBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAFileLargerThanOneMebibyteBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("config.toml")
        let comment = "# " + String(repeating: "c", count: 1021) + "\n"
        try String(repeating: comment, count: 1025).write(toFile: path, atomically: false, encoding: .utf8)
        let (result, _) = try start(config: path, in: directory)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains("\(path): larger than 1048576 bytes (1049600); a mentord configuration is a few KB"),
            "\(result.stderr)")
    }

    @Test func refusesAHookGivenAsARelativePath() async throws {
        try await offThePool { [self] in try refusesAHookGivenAsARelativePathBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAHookGivenAsARelativePathBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("config.toml")
        try "[hook]\ncommand = [\"./myhook.sh\", \"--quiet\"]\n".write(toFile: path, atomically: false, encoding: .utf8)
        let (result, _) = try start(config: path, in: directory)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "\(path):2: 'hook.command' runs ./myhook.sh, a relative path; give an absolute path, "
                    + "or a program name without a slash to look it up on PATH"),
            "\(result.stderr)")
    }

    /// Under autostart the daemon inherits the working directory of whichever `mentorctl` started
    /// it; it must not keep that directory busy or resolve anything against it.
    @Test func runsInTheRootDirectoryWhereverItWasStarted() async throws {
        try await offThePool { [self] in try runsInTheRootDirectoryWhereverItWasStartedBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func runsInTheRootDirectoryWhereverItWasStartedBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("hook-cwd")
        try
            ("[desktop]\nenabled = false\n[hook]\ncommand = [\"/bin/sh\", \"-c\", \"pwd > \\\"$1\\\"\", \"hook\", \"\(output)\"]\n")
            .write(toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let somewhere = directory.file("somewhere")
        try FileManager.default.createDirectory(atPath: somewhere, withIntermediateDirectories: true)
        let daemon = try DaemonProcess(
            in: directory, launcher: ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", somewhere])
        let result = try daemon.ctl(["test-notify"])
        #expect(result.status == 0, "\(result)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "/\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(daemon.pid)/cwd") == "/")
    }

    /// /dev/null is the documented way to say "defaults".
    @Test func readsDevNullAsTheDefaults() async throws {
        try await offThePool { [self] in try readsDevNullAsTheDefaultsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func readsDevNullAsTheDefaultsBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try DaemonProcess(in: directory, arguments: ["--config", "/dev/null"])
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).meetings == 0)
    }
}
