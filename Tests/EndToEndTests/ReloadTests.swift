import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// SIGHUP (what `systemctl --user reload mentord` sends) rereads the configuration.
struct ReloadTests {
    private func addLongTitle(_ daemon: DaemonProcess) throws -> Wire.MeetingReply {
        try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: String(repeating: "x", count: 150), partner: "Sam", role: .mentee, start: "in 1h",
                purpose: String(repeating: "p", count: 3000)))
    }

    @Test func appliesANewConfigurationAndKeepsTheOldOneWhenTheNewIsBroken() async throws {
        try await offThePool { [self] in try appliesANewConfigurationAndKeepsTheOldOneWhenTheNewIsBrokenBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func appliesANewConfigurationAndKeepsTheOldOneWhenTheNewIsBrokenBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "[limits]\nmax_message_bytes = 2048\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        #expect(throws: VarlinkConnectionError.self) { try addLongTitle(daemon) }

        try "[limits]\nmax_message_bytes = 8192\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        #expect(daemon.notify.waitFor("READY=1", count: 2).found, "READY=1 again once the reload is done")
        #expect(daemon.notify.waitFor("RELOADING=1").found)
        #expect(try addLongTitle(daemon).meeting.id == 1, "the larger limit applies to new connections")

        try "[limits]\nmax_message_byte = 1\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        #expect(daemon.waitForLog("Failed to reload '\(daemon.configPath)'"))
        #expect(daemon.stderr.contains("keeping the previous configuration"))
        #expect(try addLongTitle(daemon).meeting.id == 2, "still the 8192 limit")
        #expect(daemon.stop() == 0)
    }

    /// Files that tripped the assertions of the TOML parser mentord used before (found by the
    /// config fuzzer) are refused with their line and column, at start and at reload.
    @Test func aFileThatCrashedTheTOMLParserIsRefusedNotFatal() async throws {
        try await offThePool { [self] in try aFileThatCrashedTheTOMLParserIsRefusedNotFatalBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aFileThatCrashedTheTOMLParserIsRefusedNotFatalBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let refused = try ProcessRunner.mentord(config: "[\n", in: directory)
        #expect(
            refused.status == 1
                && refused.stderr.contains(
                    "\(directory.file("config.toml")):1:2: expected a table name, found U+000A"),
            "\(refused)")

        try "".write(toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        try "a = [}\n".write(toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        #expect(daemon.notify.waitFor("READY=1", count: 2).found)
        #expect(
            daemon.stderr.contains("\(daemon.configPath):1:6: expected a value, found '}'"), "\(daemon.stderr)")
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).pid == Int(daemon.pid))
        #expect(daemon.stop() == 0)
    }
}
