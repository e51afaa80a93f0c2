import MentorProtocol

/// The one dispatch table: method name -> handler, with parameters decoded and validated before
/// any handler runs, and every failure turned into a declared error reply.
public struct MethodTable: Sendable {
    /// Decodes a call's parameters, runs the method and encodes its reply message.
    typealias Handler = @Sendable (VarlinkCall) async throws -> [UInt8]

    private var handlers: [String: Handler] = [:]

    public init() {}

    /// Adds `method`; `body` receives decoded parameters and returns the reply.
    public mutating func register<M: VarlinkMethod>(
        _ method: M.Type, _ body: @escaping @Sendable (M.Parameters) async throws -> M.Reply
    ) {
        precondition(handlers[M.name] == nil, "\(M.name) registered twice")
        handlers[M.name] = { call in
            let parameters = try VarlinkCodec.decodeParameters(M.Parameters.self, from: call.message)
            return try VarlinkCodec.encodeReply(parameters: try await body(parameters))
        }
    }

    /// The interfaces with at least one registered method, sorted.
    public var interfaces: [String] {
        Set(handlers.keys.map { name in String(name[..<name.lastIndex(of: ".")!]) }).sorted()
    }

    /// The reply message for `call`: the method's reply or a declared error, never a thrown error.
    public func reply(to call: VarlinkCall) async -> [UInt8] {
        guard let handler = handlers[call.method] else {
            let interface = call.interface
            return VarlinkCodec.encodeError(
                interfaces.contains(interface)
                    ? VarlinkServiceError.methodNotFound(method: call.method)
                    : VarlinkServiceError.interfaceNotFound(interface: interface))
        }
        if call.upgrade {
            return VarlinkCodec.encodeError(VarlinkServiceError.methodNotImplemented(method: call.method))
        }
        do {
            return try await handler(call)
        } catch {
            return VarlinkCodec.encodeError(WireErrorMapping.varlinkError(for: error))
        }
    }
}
