import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The data directory on a small tmpfs of its own (a mount namespace, so the machine's mounts are
/// untouched): the disk fills up, or turns read-only, under a running daemon. Callers get a clear
/// error, nothing already stored is damaged, and writes work again once the condition clears.
@Suite(.serialized)
struct StorageFaultTests {
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = try? ProcessRunner.run(
            "/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        return probe?.status == 0
    }()

    /// A daemon whose data directory is a `size` tmpfs in a mount namespace of its own; with
    /// `readOnly`, the directory (holding an existing database) is bound read-only instead.
    private func daemon(onTmpfs size: String? = nil, readOnly directory: TemporaryDirectory? = nil) throws
        -> DaemonProcess
    {
        let directory = try directory ?? TemporaryDirectory()
        let data = directory.file("data")
        let mount =
            size.map { "mkdir -p '\(data)' && mount -t tmpfs -o size=\($0),mode=0700 tmpfs '\(data)'" }
            ?? "mount --bind '\(data)' '\(data)' && mount -o remount,bind,ro '\(data)'"
        let wrapper = directory.file("mounting")
        try "\(mount) || exit 99\nexec \"$@\"\n".write(toFile: wrapper, atomically: false, encoding: .utf8)
        // Run by sh, not exec'd: a script just written can still be open for writing in a child
        // another test is starting, and exec would fail with "Text file busy".
        return try DaemonProcess(
            in: directory, launcher: ["/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", wrapper])
    }

    /// Runs `command` inside the daemon's mount namespace.
    private func inNamespace(of daemon: DaemonProcess, _ command: [String]) throws -> ProcessResult {
        try ProcessRunner.run("/usr/bin/nsenter", ["-t", String(daemon.pid), "-m"] + command)
    }

    private func integrity(_ daemon: DaemonProcess) throws -> String {
        try inNamespace(
            of: daemon,
            [
                "/usr/bin/python3", "-c",
                "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])",
                daemon.databasePath,
            ]
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func add(_ connection: VarlinkConnection, _ index: Int) throws -> Int64 {
        try connection.call(
            AddMeeting.self,
            .init(
                title: "Meeting \(index)", partner: "Sam", role: .mentee, start: "in 3h",
                purpose: String(repeating: "p", count: 3900))
        ).meeting.id
    }

    @Test(.enabled(if: canMount, "needs root and mount namespaces"))
    func aFullDiskGivesAClearErrorAndWritesResumeWhenSpaceIsBack() async throws {
        try await offThePool { [self] in try aFullDiskGivesAClearErrorAndWritesResumeWhenSpaceIsBackBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aFullDiskGivesAClearErrorAndWritesResumeWhenSpaceIsBackBlocking() throws {
        let daemon = try daemon(onTmpfs: "1m")
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        var stored: [Int64] = []
        var failure: VarlinkConnectionError?
        for index in 0..<500 {
            do {
                stored.append(try add(connection, index))
            } catch {
                failure = error as? VarlinkConnectionError
                break
            }
        }
        let message = try #require(failure).message
        #expect(message.contains("full"), "\(message)")
        #expect(!stored.isEmpty)
        // Reads go on, and everything replied to is there.
        #expect(try connection.call(ListMeetings.self, .init(limit: 1000)).meetings.map(\.id) == stored)
        // Space comes back: writes work again, and the file is sound.
        #expect(
            try inNamespace(of: daemon, ["mount", "-o", "remount,size=8m", daemon.directory.file("data")]).status == 0)
        #expect(try add(connection, 999) > (try #require(stored.last)))
        #expect(try integrity(daemon) == "ok")
    }

    @Test(.enabled(if: canMount, "needs root and mount namespaces"))
    func aReadOnlyDataDirectoryGivesAClearErrorAndWritesResumeWhenWritable() async throws {
        try await offThePool { [self] in try aReadOnlyDataDirectoryGivesAClearErrorAndWritesResumeWhenWritableBlocking()
        }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aReadOnlyDataDirectoryGivesAClearErrorAndWritesResumeWhenWritableBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try DaemonProcess(in: directory)
        let stored = try add(try first.connect(), 1)
        #expect(first.stop() == 0)
        // The same data, read-only: reads are served, writes refused and nothing changes.
        let daemon = try daemon(readOnly: directory)
        let connection = try daemon.connect()
        #expect(try connection.call(ListMeetings.self, .init()).meetings.map(\.id) == [stored])
        #expect {
            try add(connection, 2)
        } throws: { error in
            (error as? VarlinkConnectionError)?.message.contains("readonly database") == true
        }
        // Writable again: the next write goes through, without a restart.
        #expect(
            try inNamespace(of: daemon, ["mount", "-o", "remount,bind,rw", directory.file("data")]).status == 0)
        #expect(try add(connection, 3) > stored)
        #expect(try integrity(daemon) == "ok")
    }
}
