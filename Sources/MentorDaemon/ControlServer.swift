import CSystemd
import Logging
import MentorProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// Where the control server listens.
public enum ListenAddress: Sendable, Hashable {
    /// Bind this Unix socket path (the caller has made sure it is free).
    case path(String)
    /// Use a socket already bound and listening, passed by the service manager.
    case inherited(descriptor: Int32)
}

/// The Varlink server on the control socket.
///
/// Each connection is served by one task that reads a message, answers it, and only then reads
/// the next, which gives Varlink's one-pending-call-per-connection rule and in-order replies for
/// pipelined calls. A connection that sends garbage (not JSON, too large) gets an error reply and
/// is closed; other connections never notice.
final class ControlServer: Sendable {
    private let table: MethodTable
    private let maximumMessageSize: NIOLockedValueBox<Int>
    private let messageTimeoutSeconds: NIOLockedValueBox<Int>
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let connections: ConnectionRegistry

    init(table: MethodTable, limits: DaemonConfiguration.Limits, eventLoopGroup: any EventLoopGroup, logger: Logger) {
        self.table = table
        maximumMessageSize = NIOLockedValueBox(limits.maxMessageBytes)
        messageTimeoutSeconds = NIOLockedValueBox(limits.messageTimeoutSeconds)
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        connections = ConnectionRegistry(
            limit: limits.maxConnections, idleTimeout: .seconds(Int64(limits.idleTimeoutSeconds)))
    }

    /// Applies new limits to connections accepted from now on.
    func apply(_ limits: DaemonConfiguration.Limits) {
        maximumMessageSize.withLockedValue { $0 = limits.maxMessageBytes }
        messageTimeoutSeconds.withLockedValue { $0 = limits.messageTimeoutSeconds }
        connections.limit = limits.maxConnections
        connections.idleTimeout = .seconds(Int64(limits.idleTimeoutSeconds))
    }

    /// Listens on `address` and serves until graceful shutdown; `onListening` runs once the socket
    /// accepts connections.
    func run(on address: ListenAddress, onListening: @Sendable () -> Void) async throws {
        let (maximumMessageSize, messageTimeoutSeconds, logger, connections) =
            (self.maximumMessageSize, self.messageTimeoutSeconds, self.logger, self.connections)
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            // A client may send its calls and shut down its writing side (`printf ... | socat`):
            // it still gets every reply before the connection closes.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initialize: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<[UInt8], ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(
                        VarlinkFrameDecoder(
                            maximumMessageSize: maximumMessageSize.withLockedValue { $0 },
                            messageTimeout: .seconds(Int64(messageTimeoutSeconds.withLockedValue { $0 })),
                            logger: logger, onBytes: { connections.noteActivity(channel) })))
                return try NIOAsyncChannel<[UInt8], ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        let server: NIOAsyncChannel<NIOAsyncChannel<[UInt8], ByteBuffer>, Never>
        switch address {
        case .path(let path):
            server = try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initialize)
        case .inherited(let descriptor):
            server = try await bootstrap.bind(descriptor, childChannelInitializer: initialize)
        }
        onListening()
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    do {
                        for try await connection in inbound {
                            group.addTask { await self.serve(connection) }
                        }
                    } catch  where connections.isShuttingDown {
                        // Closing the listener ends the accept loop with an error; that is the plan.
                    }
                }
            }
        } onGracefulShutdown: {
            connections.beginShutdown()
            server.channel.close(promise: nil)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<[UInt8], ByteBuffer>) async {
        let channel = connection.channel
        guard connections.admit(channel) else {
            await refuse(connection, with: MentordError.tooManyConnections(limit: connections.limit))
            return
        }
        defer { connections.remove(channel) }
        guard await peerIsUs(channel) else {
            logger.notice("Refused a connection from another user")
            await refuse(connection, with: VarlinkServiceError.permissionDenied)
            return
        }
        do {
            try await connection.executeThenClose { inbound, outbound in
                var messages = inbound.makeAsyncIterator()
                do {
                    while let message = try await messages.next() {
                        _ = connections.setBusy(channel, true)
                        if let call = try? VarlinkCodec.decodeCall(message), table.isStreaming(call.method), call.more {
                            // The connection now belongs to the stream. It counts as idle, so that
                            // shutdown closes it, but is never closed for being quiet; the stream
                            // ends when the client hangs up or sends.
                            if connections.setStreaming(channel) { return }
                            await withTaskGroup(of: Void.self) { group in
                                group.addTask {
                                    await self.table.stream(call) { bytes in
                                        try await outbound.write(ByteBuffer(bytes: bytes))
                                    }
                                }
                                _ = try? await messages.next()
                                group.cancelAll()
                            }
                            return
                        }
                        let (reply, keepOpen) = await answer(message)
                        if let reply { try await outbound.write(ByteBuffer(bytes: reply)) }
                        let shuttingDown = connections.setBusy(channel, false)
                        if !keepOpen || shuttingDown { return }
                    }
                } catch let error as VarlinkFramingError {
                    guard case .messageTooLarge(let limit) = error else { return }
                    try await outbound.write(
                        ByteBuffer(bytes: VarlinkCodec.encodeError(MentordError.messageTooLarge(limit: limit))))
                }
            }
        } catch {
            logger.debug("Connection ended: \(error)")
        }
    }

    /// The reply to one message (nil for oneway calls) and whether the connection stays open.
    private func answer(_ message: [UInt8]) async -> (reply: [UInt8]?, keepOpen: Bool) {
        do {
            let call = try VarlinkCodec.decodeCall(message)
            let reply = await table.reply(to: call)
            return (call.oneway ? nil : reply, true)
        } catch {
            guard case .invalid(let reason) = error else { return (nil, false) }
            return (VarlinkCodec.encodeError(MentordError.invalidMessage(reason: reason)), false)
        }
    }

    private func refuse(_ connection: NIOAsyncChannel<[UInt8], ByteBuffer>, with error: some VarlinkError) async {
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(bytes: VarlinkCodec.encodeError(error)))
        }
    }

    /// Whether the peer runs as our uid (SO_PEERCRED); the socket's 0600 mode is the first fence,
    /// this is the second, for sockets passed by a manager with looser modes.
    private func peerIsUs(_ channel: any Channel) async -> Bool {
        guard let provider = channel as? any SocketOptionProvider else { return false }
        let credentials: PeerCredentials? = try? await provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SO_PEERCRED
        ).get()
        return credentials?.raw.uid == getuid()
    }
}

/// SO_PEERCRED's `struct ucred`, wrapped so it can cross NIO's Sendable boundary: three integers.
private struct PeerCredentials: @unchecked Sendable {
    var raw = mentord_ucred()
}
