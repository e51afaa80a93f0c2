import CSystemd

/// Reads the arguments of an incoming sd-bus message (a reply or a signal), in signature order.
/// Valid only during the callback or call that produced it.
public struct BusMessageReader {
    private let message: OpaquePointer

    init(_ message: OpaquePointer) {
        self.message = message
    }

    private static func type(_ character: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: character)) }

    /// The unique name of the connection that sent the message.
    public var sender: String? {
        sd_bus_message_get_sender(message).map { String(cString: $0) }
    }

    /// Reads a `u`.
    public func readUInt32() throws(BusError) -> UInt32 {
        var value: UInt32 = 0
        guard sd_bus_message_read_basic(message, Self.type("u"), &value) > 0 else {
            throw .unexpectedReply("expected a uint32")
        }
        return value
    }

    /// Reads an `s`.
    public func readString() throws(BusError) -> String {
        var value: UnsafePointer<CChar>?
        guard sd_bus_message_read_basic(message, Self.type("s"), &value) > 0, let value else {
            throw .unexpectedReply("expected a string")
        }
        return String(cString: value)
    }

    /// Reads an `as`.
    public func readStringArray() throws(BusError) -> [String] {
        guard sd_bus_message_enter_container(message, Self.type("a"), "s") > 0 else {
            throw .unexpectedReply("expected an array of strings")
        }
        var values: [String] = []
        while true {
            var value: UnsafePointer<CChar>?
            let result = sd_bus_message_read_basic(message, Self.type("s"), &value)
            guard result > 0, let value else { break }
            values.append(String(cString: value))
        }
        sd_bus_message_exit_container(message)
        return values
    }
}
