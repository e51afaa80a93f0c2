import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `[limits] idle_timeout`: a connection that has no call in progress and sends nothing is closed,
/// so leaked connections cannot lock `mentorctl` out; a subscription stays open however quiet.
struct IdleConnectionTests {
    private func daemon(_ limits: String) throws -> DaemonProcess {
        let directory = try TemporaryDirectory()
        try "[desktop]\nenabled = false\n[limits]\n\(limits)\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        return try DaemonProcess(in: directory)
    }

    /// How long the daemon took to close `connection`, which must send nothing more.
    /// How long from `started` (now by default) until the daemon closes `connection`.
    private func timeUntilClosed(
        _ connection: VarlinkConnection, since started: ContinuousClock.Instant = ContinuousClock.now
    ) -> Duration {
        #expect(throws: VarlinkConnectionError.closedByPeer) { try connection.receiveMessage() }
        return ContinuousClock.now - started
    }

    @Test func closesAConnectionThatSendsNothing() async throws {
        try await offThePool { [self] in try closesAConnectionThatSendsNothingBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func closesAConnectionThatSendsNothingBlocking() throws {
        let daemon = try daemon("idle_timeout = \"1s\"")
        defer { daemon.directory.remove() }
        let silent = try daemon.connect()
        let elapsed = timeUntilClosed(silent)
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(5), "\(elapsed)")
        // After a call, the time counts from the reply: at least the timeout from the call, since
        // the reply may reach a loaded client a while after the daemon's timer started.
        let caller = try daemon.connect()
        // Quiet for a while first: a daemon that counted from the connect would close 0.4 s after the call.
        Thread.sleep(forTimeInterval: 0.6)
        let called = ContinuousClock.now
        _ = try caller.call(GetStatus.self, NoParameters())
        let afterReply = timeUntilClosed(caller, since: called)
        #expect(afterReply >= .milliseconds(900) && afterReply < .seconds(5), "\(afterReply)")
    }

    @Test func keepsAQuietSubscriptionOpen() async throws {
        try await offThePool { [self] in try keepsAQuietSubscriptionOpenBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func keepsAQuietSubscriptionOpenBlocking() throws {
        let daemon = try daemon("idle_timeout = \"1s\"")
        defer { daemon.directory.remove() }
        let subscriber = try daemon.connect()
        try subscriber.send(try VarlinkCodec.encodeCall(method: Subscribe.name, parameters: NoParameters(), more: true))
        _ = try subscriber.receiveReply()  // {ready: true}
        // Over two idle timeouts of silence; then a card must still arrive.
        Thread.sleep(forTimeInterval: 2.5)
        let sent = try daemon.ctl(["test-notify"])
        #expect(sent.status == 0, "\(sent)")
        let card = try subscriber.receiveReply()
        #expect(String(decoding: card, as: UTF8.self).contains("\"continues\":true"))
    }

    /// Leaked connections hold every slot only until they time out, and while they do, each
    /// command says so in one line.
    @Test func idleConnectionsLockNobodyOutForLong() async throws {
        try await offThePool { [self] in try idleConnectionsLockNobodyOutForLongBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func idleConnectionsLockNobodyOutForLongBlocking() throws {
        let daemon = try daemon("max_connections = 3\nidle_timeout = \"3s\"")
        defer { daemon.directory.remove() }
        let held = try (0..<3).map { _ in try daemon.connect() }
        for command in [["status"], ["list"]] {
            // A call restarts each one's idle time, so a slow machine cannot time them out before
            // the command runs.
            for connection in held { _ = try connection.call(GetStatus.self, NoParameters()) }
            let refused = try daemon.ctl(command)
            #expect(refused.status == 69, "\(command): \(refused)")
            #expect(refused.stderr == "mentorctl: the daemon already serves 3 connections; try again later\n")
        }
        for connection in held { #expect(timeUntilClosed(connection) < .seconds(6)) }
        let served = try daemon.ctl(["status"])
        #expect(served.status == 0, "\(served)")
    }

    @Test func readsTheSettingAndRefusesValuesOutOfRange() async throws {
        try await offThePool { [self] in try readsTheSettingAndRefusesValuesOutOfRangeBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func readsTheSettingAndRefusesValuesOutOfRangeBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ProcessRunner.mentord(config: "[limits]\nidle_timeout = \"2h\"\n", in: directory)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(directory.file("config.toml")):2: 'limits.idle_timeout' must be a duration from \"1s\" to \"1h\""),
            "\(result.stderr)")
    }
}
