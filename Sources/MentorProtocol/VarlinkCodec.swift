#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes and decodes Varlink messages: one JSON object, followed on the wire by one NUL.
///
/// Encoders return the bytes with the NUL appended; decoders take one message without it (as
/// ``VarlinkFramer`` returns them).
public enum VarlinkCodec {
    private struct CallEnvelope<Parameters: Encodable>: Encodable {
        var method: String
        var parameters: Parameters?
        var more: Bool?
        var oneway: Bool?
    }

    private struct CallHeader: Decodable {
        var method: String
        var more: Bool?
        var oneway: Bool?
        var upgrade: Bool?
    }

    private struct ParametersEnvelope<Parameters: Decodable>: Decodable {
        var parameters: Parameters?
    }

    private struct ReplyEnvelope<Parameters: Encodable>: Encodable {
        var parameters: Parameters?
        var continues: Bool?
        var error: String?
    }

    private struct ReplyHeader: Decodable {
        var continues: Bool?
        var error: String?
    }

    private static let emptyObject: [UInt8] = Array("{}".utf8)

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(value))
        bytes.append(0)
        return bytes
    }

    /// A call message.
    public static func encodeCall(
        method: String, parameters: some Encodable, more: Bool = false, oneway: Bool = false
    ) throws -> [UInt8] {
        try encode(
            CallEnvelope(method: method, parameters: parameters, more: more ? true : nil, oneway: oneway ? true : nil))
    }

    /// A reply message carrying `parameters`.
    public static func encodeReply(parameters: some Encodable, continues: Bool = false) throws -> [UInt8] {
        try encode(ReplyEnvelope(parameters: parameters, continues: continues ? true : nil, error: nil))
    }

    /// An error reply: the error's qualified name and its parameters.
    public static func encodeError(_ error: some VarlinkError) -> [UInt8] {
        // Error parameters are plain strings and numbers; encoding them cannot fail.
        (try? encode(ReplyEnvelope(parameters: error.parameters, continues: nil, error: error.name)))
            ?? Array("{\"error\":\"\(error.name)\"}\0".utf8)
    }

    /// The header of a call; its parameters stay undecoded in ``VarlinkCall/message``.
    public static func decodeCall(_ message: [UInt8]) throws(VarlinkMessageError) -> VarlinkCall {
        let header: CallHeader
        do {
            header = try JSONDecoder().decode(CallHeader.self, from: Data(message))
        } catch {
            throw .invalid(reason: describe(error))
        }
        guard header.method.contains("."), !header.method.hasSuffix(".") else {
            throw .invalid(reason: "method '\(header.method)' is not a qualified name")
        }
        return VarlinkCall(
            method: header.method, more: header.more ?? false, oneway: header.oneway ?? false,
            upgrade: header.upgrade ?? false, message: message)
    }

    /// The call's parameters as `type`; a missing `parameters` member reads as `{}`.
    public static func decodeParameters<P: Decodable>(_ type: P.Type, from message: [UInt8]) throws(VarlinkServiceError)
        -> P
    {
        try decodeMember(type, from: message)
    }

    /// The header of a reply: whether it is an error and whether more replies follow.
    public static func decodeReplyHeader(_ message: [UInt8]) throws(VarlinkMessageError) -> (
        error: String?, continues: Bool
    ) {
        do {
            let header = try JSONDecoder().decode(ReplyHeader.self, from: Data(message))
            return (header.error, header.continues ?? false)
        } catch {
            throw .invalid(reason: describe(error))
        }
    }

    /// A reply's parameters as `type`; a missing `parameters` member reads as `{}`.
    public static func decodeReplyParameters<P: Decodable>(_ type: P.Type, from message: [UInt8])
        throws(VarlinkServiceError) -> P
    {
        try decodeMember(type, from: message)
    }

    private static func decodeMember<P: Decodable>(_ type: P.Type, from message: [UInt8]) throws(VarlinkServiceError)
        -> P
    {
        let decoder = JSONDecoder()
        do {
            if let parameters = try decoder.decode(ParametersEnvelope<P>.self, from: Data(message)).parameters {
                return parameters
            }
            return try decoder.decode(P.self, from: Data(emptyObject))
        } catch let error as DecodingError {
            throw .invalidParameter(parameter: offendingField(error))
        } catch {
            throw .invalidParameter(parameter: "parameters")
        }
    }

    /// The field a decoding error is about, without the leading `parameters`.
    private static func offendingField(_ error: DecodingError) -> String {
        var path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        if path.first?.stringValue == "parameters" { path.removeFirst() }
        let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return names.isEmpty ? "parameters" : names.joined(separator: ".")
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not a JSON object" : "wrong type at '\(path)'"
        case .dataCorrupted: return "not a JSON object"
        @unknown default: return "not JSON"
        }
    }
}

/// Why a message is not a Varlink call or reply at all.
public enum VarlinkMessageError: Error, Sendable, Equatable {
    /// Not JSON, not an object, or no method; `reason` says which.
    case invalid(reason: String)
}
