import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Where `mentorctl export -o` may write: regular files, replaced whole or not at all, and stdout.
/// Device nodes and FIFOs are refused and left exactly as they were.
struct ExportTargetTests {
    private func mode(_ path: String) -> mode_t {
        var status = stat()
        lstat(path, &status)
        return status.st_mode & 0o7777
    }

    private func daemonWithHistory() throws -> DaemonProcess {
        let daemon = try DaemonProcess()
        let connection = try daemon.connect()
        let meeting = try connection.call(
            AddMeeting.self, .init(title: "Weekly", partner: "Ada", role: .mentor, start: "2036-12-04T15:00:00Z"))
        // About 9.6 KB of notes, so that the export is larger than the room left in the tmpfs test.
        _ = try connection.call(
            RecordAnswers.self,
            .init(
                meetingId: meeting.meeting.id, step: .purpose, occurrence: "2036-12-04T15:00:00Z",
                answers: [
                    Wire.Answer(step: .purpose, prompt: "Why?", answer: String(repeating: "notes ", count: 1600))
                ]))
        return daemon
    }

    /// `mentorctl` under timeout(1): an export that blocks on a FIFO fails the test instead of hanging it.
    private func export(_ daemon: DaemonProcess, _ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(
            "/usr/bin/timeout",
            ["20", BuildProducts.executable("mentorctl"), "export"] + arguments + ["--no-autostart"],
            environment: ["MENTORD_SOCKET": daemon.socketPath])
    }

    @Test func refusesAFIFOAtOnce() async throws {
        try await offThePool { [self] in try refusesAFIFOAtOnceBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAFIFOAtOnceBlocking() throws {
        let daemon = try daemonWithHistory()
        defer { daemon.directory.remove() }
        let fifo = daemon.directory.file("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try export(daemon, ["--markdown", "-o", fifo])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "mentorctl: cannot write \(fifo): not a regular file\n")
        #expect(mode(fifo) == 0o644)
    }

    @Test(.enabled(if: getuid() == 0, "mknod needs root"))
    func neverChangesADeviceNode() async throws {
        try await offThePool { [self] in try neverChangesADeviceNodeBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func neverChangesADeviceNodeBlocking() throws {
        let daemon = try daemonWithHistory()
        defer { daemon.directory.remove() }
        let null = daemon.directory.file("null")
        // Major 1, minor 3: the null device, as makedev(1, 3) encodes it.
        #expect(mknod(null, S_IFCHR | 0o666, dev_t(0x103)) == 0)
        chmod(null, 0o666)
        let result = try export(daemon, ["--markdown", "-o", null])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "mentorctl: cannot write \(null): not a regular file\n")
        #expect(mode(null) == 0o666, "the node keeps its mode")
    }

    @Test func writesToStdoutForADashAndReplacesAFileWithAPrivateOne() async throws {
        try await offThePool { [self] in try writesToStdoutForADashAndReplacesAFileWithAPrivateOneBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func writesToStdoutForADashAndReplacesAFileWithAPrivateOneBlocking() throws {
        let daemon = try daemonWithHistory()
        defer { daemon.directory.remove() }
        let stdout = try export(daemon, ["--markdown", "-o", "-"])
        #expect(stdout.status == 0 && stdout.stdout.contains("Weekly"), "\(stdout)")
        #expect(!FileManager.default.fileExists(atPath: daemon.directory.file("-")))
        let file = daemon.directory.file("notes.md")
        try "old export\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o644)
        let written = try export(daemon, ["--markdown", "-o", file])
        #expect(written.status == 0, "\(written)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Weekly"))
        #expect(mode(file) == 0o600)
        let left = try FileManager.default.contentsOfDirectory(atPath: daemon.directory.path).filter {
            $0.contains("notes.md")
        }
        #expect(left == ["notes.md"], "no temporary file stays behind")
    }

    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = try? ProcessRunner.run(
            "/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        return probe?.status == 0
    }()

    /// The disk fills up half-way through an export: the previous export is still there, whole.
    @Test(.enabled(if: canMount, "needs root and mount namespaces"))
    func aFailedWriteLeavesThePreviousExportWhole() async throws {
        try await offThePool { [self] in try aFailedWriteLeavesThePreviousExportWholeBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aFailedWriteLeavesThePreviousExportWholeBlocking() throws {
        let daemon = try daemonWithHistory()
        defer { daemon.directory.remove() }
        let exports = daemon.directory.file("exports")
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        // In a mount namespace of its own: a 64 KiB tmpfs holding an old export and a filler that
        // leaves less room than the new export needs.
        let script = """
            mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
            printf 'old export\\n' > "$1/notes.md"
            head -c 55000 /dev/zero > "$1/filler"
            "$2" export --markdown -o "$1/notes.md" --no-autostart
            echo "status $?"
            cat "$1/notes.md"
            ls -A "$1"
            """
        let result = try ProcessRunner.run(
            "/usr/bin/unshare",
            [
                "-m", "--propagation", "private", "/bin/sh", "-c", script, "sh", exports,
                BuildProducts.executable("mentorctl"),
            ], environment: ["MENTORD_SOCKET": daemon.socketPath])
        #expect(result.stdout == "status 1\nold export\nfiller\nnotes.md\n", "\(result)")
        #expect(result.stderr.hasPrefix("mentorctl: cannot write \(exports)/notes.md: No space left on device"))
    }
}
