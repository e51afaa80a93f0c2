/// Splits a byte stream into Varlink messages: each message is the bytes before a NUL.
///
/// Both the daemon (fed from NIO buffers) and the client (fed from `recv`) use this one framer, and
/// the fuzzer drives it directly. It never buffers more than `maximumMessageSize` bytes of an
/// unfinished message: a peer that sends more without a NUL gets ``VarlinkFramingError``.
public struct VarlinkFramer: Sendable {
    /// Largest message accepted, NUL excluded.
    public let maximumMessageSize: Int
    private var buffer: [UInt8] = []
    /// Start of the first unconsumed message in `buffer`.
    private var start = 0
    /// Bytes from `start` up to here are known to contain no NUL.
    private var scanned = 0

    /// The default limit: 1 MiB.
    public static let defaultMaximumMessageSize = 1 << 20

    public init(maximumMessageSize: Int = Self.defaultMaximumMessageSize) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// Bytes received but not yet returned as a message.
    public var pendingByteCount: Int { buffer.count - start }

    /// Adds received bytes.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or nil when more bytes are needed.
    public mutating func nextMessage() throws(VarlinkFramingError) -> [UInt8]? {
        scanned = max(scanned, start)
        guard let end = buffer[scanned...].firstIndex(of: 0) else {
            scanned = buffer.count
            if buffer.count - start > maximumMessageSize { throw .messageTooLarge(limit: maximumMessageSize) }
            return nil
        }
        guard end - start <= maximumMessageSize else { throw .messageTooLarge(limit: maximumMessageSize) }
        let message = Array(buffer[start..<end])
        start = end + 1
        scanned = start
        return message
    }
}

/// Why a byte stream cannot be split into messages.
public enum VarlinkFramingError: Error, Sendable, Equatable {
    /// A message (or an unfinished one) is longer than the limit.
    case messageTooLarge(limit: Int)
}
