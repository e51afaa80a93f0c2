import CSystemd

/// A value inside a D-Bus variant, as notification hints use them.
public enum BusVariant: Sendable, Hashable {
    case byte(UInt8)
    case bool(Bool)
    case int32(Int32)
    case string(String)
}

/// Appends arguments to an outgoing sd-bus message, in signature order.
public struct BusMessageWriter {
    private let message: OpaquePointer

    init(_ message: OpaquePointer) {
        self.message = message
    }

    private static func type(_ character: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: character)) }

    private func check(_ result: Int32, _ what: String) throws(BusError) {
        guard result >= 0 else {
            throw .failed(name: "", message: "cannot append \(what): \(BusError.describe(errno: -result))")
        }
    }

    /// Appends a `s`; an interior NUL would end the C string early, so it is dropped.
    public func append(_ value: String) throws(BusError) {
        let clean = value.contains("\0") ? value.filter { $0 != "\0" } : value
        try check(clean.withCString { sd_bus_message_append_basic(message, Self.type("s"), $0) }, "a string")
    }

    /// Appends a `u`.
    public func append(_ value: UInt32) throws(BusError) {
        var value = value
        try check(sd_bus_message_append_basic(message, Self.type("u"), &value), "a uint32")
    }

    /// Appends an `i`.
    public func append(_ value: Int32) throws(BusError) {
        var value = value
        try check(sd_bus_message_append_basic(message, Self.type("i"), &value), "an int32")
    }

    /// Appends an `as`.
    public func append(_ values: [String]) throws(BusError) {
        try check(sd_bus_message_open_container(message, Self.type("a"), "s"), "an array")
        for value in values { try append(value) }
        try check(sd_bus_message_close_container(message), "an array")
    }

    /// Appends an `a{sv}`, keys in sorted order so the message is the same every time.
    public func append(_ dictionary: [String: BusVariant]) throws(BusError) {
        try check(sd_bus_message_open_container(message, Self.type("a"), "{sv}"), "a dictionary")
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            try check(sd_bus_message_open_container(message, Self.type("e"), "sv"), "a dictionary entry")
            try append(key)
            switch value {
            case .byte(var byte):
                try check(sd_bus_message_open_container(message, Self.type("v"), "y"), "a variant")
                try check(sd_bus_message_append_basic(message, Self.type("y"), &byte), "a byte")
            case .bool(let flag):
                var number: Int32 = flag ? 1 : 0
                try check(sd_bus_message_open_container(message, Self.type("v"), "b"), "a variant")
                try check(sd_bus_message_append_basic(message, Self.type("b"), &number), "a boolean")
            case .int32(var number):
                try check(sd_bus_message_open_container(message, Self.type("v"), "i"), "a variant")
                try check(sd_bus_message_append_basic(message, Self.type("i"), &number), "an int32")
            case .string(let text):
                try check(sd_bus_message_open_container(message, Self.type("v"), "s"), "a variant")
                try append(text)
            }
            try check(sd_bus_message_close_container(message), "a variant")
            try check(sd_bus_message_close_container(message), "a dictionary entry")
        }
        try check(sd_bus_message_close_container(message), "a dictionary")
    }
}
