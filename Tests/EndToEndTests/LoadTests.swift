import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Many clients, and clients that misbehave slowly: the daemon keeps serving the others and its
/// memory stays bounded.
@Suite(.serialized)
struct LoadTests {
    /// A raw client socket, for clients that do what VarlinkConnection never would.
    private func rawConnect(_ path: String) -> Int32? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    private func write(_ descriptor: Int32, _ text: String, terminated: Bool = true) {
        let bytes = Array(text.utf8) + (terminated ? [0] : [])
        // MSG_NOSIGNAL: a connection the daemon turned away must not SIGPIPE the test process.
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The daemon's resident memory in kB.
    private func residentKB(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Lets this test process hold 1,000 sockets at once.
    private func raiseDescriptorLimit() {
        var files = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
        files.rlim_cur = max(files.rlim_cur, min(files.rlim_max, 4096))
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
    }

    @Test func thousandConcurrentConnectionsAreServedOrTurnedAwayCleanly() async throws {
        try await offThePool { [self] in try thousandConcurrentConnectionsAreServedOrTurnedAwayCleanlyBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func thousandConcurrentConnectionsAreServedOrTurnedAwayCleanlyBlocking() throws {
        raiseDescriptorLimit()
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connections = (0..<1000).compactMap { _ in rawConnect(daemon.socketPath) }
        #expect(connections.count == 1000)
        for descriptor in connections { write(descriptor, #"{"method":"io.mentord.GetStatus"}"#) }
        var served = 0
        var refused = 0
        for descriptor in connections {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = read(descriptor, &buffer, buffer.count)
            let reply = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
            if reply.contains("\"pid\"") { served += 1 }
            if reply.contains("io.mentord.TooManyConnections") { refused += 1 }
        }
        // The default limit is 256 connections; the rest hear why they are turned away.
        #expect(served == 256 && refused == 744, "served \(served), refused \(refused)")
        for descriptor in connections { close(descriptor) }
        // Once they are gone, a new client is served again.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).pid == Int(daemon.pid))
    }

    @Test func clientsThatSendHalfAMessageAndStallDoNotHoldUpOthers() async throws {
        try await offThePool { [self] in try clientsThatSendHalfAMessageAndStallDoNotHoldUpOthersBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func clientsThatSendHalfAMessageAndStallDoNotHoldUpOthersBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let before = residentKB(daemon.pid)
        let stalled = (0..<100).compactMap { _ in rawConnect(daemon.socketPath) }
        defer { for descriptor in stalled { close(descriptor) } }
        for descriptor in stalled {
            write(descriptor, #"{"method":"io.mentord.AddMeeting","parameters":{"title":"#, terminated: false)
        }
        let started = Date()
        let connection = try daemon.connect()
        for _ in 0..<50 { _ = try connection.call(GetStatus.self, NoParameters()) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(residentKB(daemon.pid) - before < 30_000, "kB grown")
    }

    /// `[limits] message_timeout`: part of a message and then nothing closes the connection;
    /// a connection idle between whole messages stays open.
    @Test func aConnectionStalledMidMessageIsClosedAfterTheTimeout() async throws {
        try await offThePool { [self] in try aConnectionStalledMidMessageIsClosedAfterTheTimeoutBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aConnectionStalledMidMessageIsClosedAfterTheTimeoutBlocking() throws {
        let directory = try TemporaryDirectory()
        try "[limits]\nmessage_timeout = \"1s\"\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        defer { daemon.directory.remove() }
        let stalled = try #require(rawConnect(daemon.socketPath))
        defer { close(stalled) }
        let idle = try daemon.connect()
        _ = try idle.call(GetStatus.self, NoParameters())
        let started = Date()
        write(stalled, #"{"method":"io.mentord.GetStatus""#, terminated: false)
        // The daemon closes it: the read ends (0 bytes), instead of waiting for the test's 5 s.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(stalled, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        #expect(recv(stalled, &byte, 1, 0) == 0)
        let waited = Date().timeIntervalSince(started)
        #expect(waited > 0.9 && waited < 4, "closed after \(waited) s")
        #expect(daemon.stderr.contains("sent part of a message and nothing more for 1 s"))
        // The other connection sat idle between calls just as long, and still works.
        #expect(try idle.call(GetStatus.self, NoParameters()).pid == Int(daemon.pid))
    }

    @Test func aSubscriberThatNeverReadsCostsBoundedMemory() async throws {
        try await offThePool { [self] in try aSubscriberThatNeverReadsCostsBoundedMemoryBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aSubscriberThatNeverReadsCostsBoundedMemoryBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let silent = try #require(rawConnect(daemon.socketPath))
        defer { close(silent) }
        var small: Int32 = 4096
        setsockopt(silent, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        write(silent, #"{"method":"io.mentord.Subscribe","more":true}"#)
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        let before = residentKB(daemon.pid)
        // 300 late cards at once, each a few kB of prompts: far more than the silent one's socket holds.
        let connection = try daemon.connect()
        for index in 0..<300 {
            _ = try connection.call(
                AddMeeting.self,
                .init(
                    title: "Card \(index) " + String(repeating: "x", count: 150), partner: "Sam", role: .mentee,
                    start: "in 3h", offsets: "purpose=1d,preparation=1d,plan=2h50m"))
        }
        #expect(watcher.waitFor(count: 300, timeout: 30).count == 300, "the reading subscriber gets every card")
        #expect(try connection.call(GetStatus.self, NoParameters()).meetings == 300)
        #expect(residentKB(daemon.pid) - before < 40_000, "kB grown")
    }
}

/// `[limits] max_meetings`: the number of meetings is a user-controlled size like any other.
struct MeetingLimitTests {
    @Test func refusesMeetingsBeyondTheConfiguredMaximum() async throws {
        try await offThePool { [self] in try refusesMeetingsBeyondTheConfiguredMaximumBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesMeetingsBeyondTheConfiguredMaximumBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "[limits]\nmax_meetings = 3\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        let connection = try daemon.connect()
        for index in 0..<3 {
            _ = try connection.call(
                AddMeeting.self, .init(title: "M\(index)", partner: "Sam", role: .mentee, start: "in 3h"))
        }
        #expect {
            try connection.call(AddMeeting.self, .init(title: "M4", partner: "Sam", start: "in 3h"))
        } throws: { error in
            guard case .remote(let remote) = error as? VarlinkConnectionError else { return false }
            return remote.name == "io.mentord.TooMany"
                && remote.parameters
                    == .object(["field": .string("meetings"), "count": .integer(3), "limit": .integer(3)])
        }
        #expect(try connection.call(GetStatus.self, NoParameters()).meetings == 3)
    }
}
