import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Raw bytes on the socket: garbage is answered and disconnected, other clients never notice.
struct WireRobustnessTests {
    private func exchange(_ daemon: DaemonProcess, _ bytes: [UInt8]) throws -> (
        reply: VarlinkRemoteError?, closed: Bool
    ) {
        let connection = try daemon.connect()
        try connection.send(bytes)
        var reply: VarlinkRemoteError?
        do {
            _ = try connection.receiveReply()
        } catch .remote(let error) {
            reply = error
        }
        do {
            _ = try connection.receiveMessage()
            return (reply, false)
        } catch {
            return (reply, error == .closedByPeer)
        }
    }

    @Test func answersMalformedJSONAndDisconnects() async throws {
        try await offThePool { [self] in try answersMalformedJSONAndDisconnectsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func answersMalformedJSONAndDisconnectsBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let bystander = try daemon.connect()
        let (reply, closed) = try exchange(daemon, Array("{\"method\": oops\0".utf8))
        #expect(
            reply
                == VarlinkRemoteError(
                    name: "io.mentord.InvalidMessage", parameters: .object(["reason": .string("not a JSON object")])))
        #expect(closed)
        #expect(try bystander.call(GetStatus.self, NoParameters()).version == MentordVersion.current)
    }

    @Test func answersAnOversizedMessageAndDisconnects() async throws {
        try await offThePool { [self] in try answersAnOversizedMessageAndDisconnectsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func answersAnOversizedMessageAndDisconnectsBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        // 1 MiB + 1 without a NUL: the daemon must stop buffering and answer.
        try? connection.send([UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 1))
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(
                    name: "io.mentord.MessageTooLarge", parameters: .object(["limit": .integer(1_048_576)])))
        ) {
            try connection.receiveReply()
        }
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).meetings == 0)
    }

    @Test func honoursAConfiguredMessageLimit() async throws {
        try await offThePool { [self] in try honoursAConfiguredMessageLimitBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func honoursAConfiguredMessageLimitBlocking() throws {
        let directory = try TemporaryDirectory()
        try "[limits]\nmax_message_bytes = 2048\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        defer { directory.remove() }
        let title = String(repeating: "x", count: 3000)
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(name: "io.mentord.MessageTooLarge", parameters: .object(["limit": .integer(2048)])))
        ) {
            try daemon.connect().call(
                AddMeeting.self, .init(title: title, partner: "Sam", role: .mentee, start: "in 1h"))
        }
    }

    @Test func answersUnknownMethodsAndWrongTypesButKeepsTheConnection() async throws {
        try await offThePool { [self] in try answersUnknownMethodsAndWrongTypesButKeepsTheConnectionBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func answersUnknownMethodsAndWrongTypesButKeepsTheConnectionBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(
                    name: "org.varlink.service.MethodNotFound",
                    parameters: .object(["method": .string("io.mentord.Nope")])))
        ) {
            try connection.callRaw(method: "io.mentord.Nope", parameters: NoParameters())
        }
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(
                    name: "org.varlink.service.InvalidParameter", parameters: .object(["parameter": .string("id")])))
        ) {
            try connection.callRaw(method: GetMeeting.name, parameters: ["id": "seven"])
        }
        #expect(try connection.call(GetStatus.self, NoParameters()).meetings == 0, "same connection still served")
    }

    @Test func answersPipelinedCallsInOrderEvenAfterTheClientStopsWriting() async throws {
        try await offThePool { [self] in try answersPipelinedCallsInOrderEvenAfterTheClientStopsWritingBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func answersPipelinedCallsInOrderEvenAfterTheClientStopsWritingBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        var batch: [UInt8] = []
        for id in 1...3 {
            batch += try VarlinkCodec.encodeCall(method: GetMeeting.name, parameters: MeetingIdentifier(id: Int64(id)))
        }
        batch += try VarlinkCodec.encodeCall(method: GetStatus.name, parameters: NoParameters())
        try connection.send(batch)
        connection.shutdownWriting()
        for id in 1...3 {
            #expect(
                throws: VarlinkConnectionError.remote(
                    VarlinkRemoteError(
                        name: "io.mentord.NoSuchMeeting", parameters: .object(["id": .integer(Int64(id))])))
            ) {
                try connection.receiveReply()
            }
        }
        _ = try connection.receiveReply()
        #expect(throws: VarlinkConnectionError.closedByPeer) { try connection.receiveMessage() }
    }

    @Test func sendsNoReplyToOnewayCalls() async throws {
        try await offThePool { [self] in try sendsNoReplyToOnewayCallsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func sendsNoReplyToOnewayCallsBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        try connection.send(
            try VarlinkCodec.encodeCall(method: GetStatus.name, parameters: NoParameters(), oneway: true))
        // Had the oneway call been answered, this call would read that reply instead of its own.
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(name: "io.mentord.NoSuchMeeting", parameters: .object(["id": .integer(1)])))
        ) {
            try connection.call(GetMeeting.self, MeetingIdentifier(id: 1))
        }
    }

    @Test func servesManyClientsAtOnce() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        try await withThrowingTaskGroup(of: Int64.self) { group in
            for client in 0..<32 {
                group.addTask {
                    let connection = try daemon.connect()
                    let meeting = try connection.call(
                        AddMeeting.self,
                        .init(
                            title: "Meeting \(client)", partner: "Sam", role: .mentee, start: "in \(client + 1)h",
                            timeZone: "UTC"))
                    return meeting.meeting.id
                }
            }
            var ids: Set<Int64> = []
            for try await id in group { ids.insert(id) }
            #expect(ids.count == 32)
        }
        #expect(try daemon.connect().call(ListMeetings.self, .init()).meetings.count == 32)
    }

    @Test func turnsAwayConnectionsOverTheLimit() async throws {
        try await offThePool { [self] in try turnsAwayConnectionsOverTheLimitBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func turnsAwayConnectionsOverTheLimitBlocking() throws {
        let directory = try TemporaryDirectory()
        try "[limits]\nmax_connections = 2\n".write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        defer { directory.remove() }
        let first = try daemon.connect()
        let second = try daemon.connect()
        _ = try first.call(GetStatus.self, NoParameters())
        _ = try second.call(GetStatus.self, NoParameters())
        let third = try daemon.connect()
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(name: "io.mentord.TooManyConnections", parameters: .object(["limit": .integer(2)])))
        ) {
            try third.receiveReply()
        }
        _ = first
        #expect(try second.call(GetStatus.self, NoParameters()).meetings == 0)
    }
}
