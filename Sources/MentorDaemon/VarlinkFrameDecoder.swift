import Logging
import MentorProtocol
import NIOCore

/// Adapts ``VarlinkFramer`` to a NIO pipeline: bytes in, one `[UInt8]` per NUL-terminated message out.
///
/// A connection that holds part of a message and sends nothing more for `messageTimeout` (no
/// complete message in that time) is closed: a client that stalls mid-message would otherwise keep
/// its slot and its buffer for ever. The timer runs only while part of a message is pending, so
/// idle connections between calls, and subscribers, cost no wake-ups.
struct VarlinkFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    private var framer: VarlinkFramer
    private let messageTimeout: TimeAmount
    private let logger: Logger
    private var stall: Scheduled<Void>?
    /// Called on the event loop whenever bytes arrive (the connection is no longer idle).
    private let onBytes: @Sendable () -> Void

    init(
        maximumMessageSize: Int, messageTimeout: TimeAmount, logger: Logger,
        onBytes: @escaping @Sendable () -> Void = {}
    ) {
        framer = VarlinkFramer(maximumMessageSize: maximumMessageSize)
        self.messageTimeout = messageTimeout
        self.logger = logger
        self.onBytes = onBytes
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if buffer.readableBytes > 0 {
            onBytes()
            framer.append(contentsOf: buffer.readableBytesView)
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        // The bytes now live in the framer, so NIO would not call again for what is left there:
        // pass on every complete message at once.
        var progressed = false
        while let message = try framer.nextMessage() {
            progressed = true
            context.fireChannelRead(wrapInboundOut(message))
        }
        if framer.pendingByteCount == 0 || progressed {
            stall?.cancel()
            stall = nil
        }
        if framer.pendingByteCount > 0 && stall == nil {
            let (channel, logger, seconds) = (context.channel, logger, messageTimeout.nanoseconds / 1_000_000_000)
            stall = context.eventLoop.scheduleTask(in: messageTimeout) {
                logger.notice("Closed a connection that sent part of a message and nothing more for \(seconds) s")
                channel.close(promise: nil)
            }
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        // A trailing message without its NUL is incomplete by definition: drop it.
        try decode(context: context, buffer: &buffer)
    }

    mutating func decoderRemoved(context: ChannelHandlerContext) {
        // A pending timer would keep the channel, and wake the daemon once, after it closed.
        stall?.cancel()
        stall = nil
    }
}
