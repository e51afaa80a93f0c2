import MentorProtocol
import NIOCore

/// Adapts ``VarlinkFramer`` to a NIO pipeline: bytes in, one `[UInt8]` per NUL-terminated message out.
struct VarlinkFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    private var framer: VarlinkFramer

    init(maximumMessageSize: Int) {
        framer = VarlinkFramer(maximumMessageSize: maximumMessageSize)
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if buffer.readableBytes > 0 {
            framer.append(contentsOf: buffer.readableBytesView)
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        // The bytes now live in the framer, so NIO would not call again for what is left there:
        // pass on every complete message at once.
        while let message = try framer.nextMessage() {
            context.fireChannelRead(wrapInboundOut(message))
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        // A trailing message without its NUL is incomplete by definition: drop it.
        try decode(context: context, buffer: &buffer)
    }
}
