import MentorProtocol

/// The one dispatch table: method name -> handler, with parameters decoded and validated before
/// any handler runs, and every failure turned into a declared error reply.
public struct MethodTable: Sendable {
    /// Decodes a call's parameters, runs the method and encodes its reply message.
    typealias Handler = @Sendable (VarlinkCall) async throws -> [UInt8]

    /// Runs a streaming call, sending each reply message through the closure, until cancelled.
    typealias StreamHandler =
        @Sendable (VarlinkCall, @escaping @Sendable ([UInt8]) async throws -> Void) async throws -> Void

    private var handlers: [String: Handler] = [:]
    private var streams: [String: StreamHandler] = [:]

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

    /// Adds a streaming `method`: `body` receives decoded parameters and a `send` for replies, and
    /// runs until the client hangs up (its task is then cancelled). Every reply but an error
    /// carries `continues: true`.
    public mutating func registerStream<M: VarlinkMethod>(
        _ method: M.Type,
        _ body:
            @escaping @Sendable (M.Parameters, _ send: @escaping @Sendable (M.Reply) async throws -> Void) async throws
            -> Void
    ) {
        precondition(handlers[M.name] == nil && streams[M.name] == nil, "\(M.name) registered twice")
        streams[M.name] = { call, send in
            let parameters = try VarlinkCodec.decodeParameters(M.Parameters.self, from: call.message)
            try await body(parameters) { reply in
                try await send(VarlinkCodec.encodeReply(parameters: reply, continues: true))
            }
        }
    }

    /// Whether `method` streams (and so needs the connection for itself).
    public func isStreaming(_ method: String) -> Bool { streams[method] != nil }

    /// Runs a streaming call until cancelled; a failure is sent as one error reply.
    public func stream(_ call: VarlinkCall, send: @escaping @Sendable ([UInt8]) async throws -> Void) async {
        guard let handler = streams[call.method] else { return }
        guard call.more else {
            try? await send(VarlinkCodec.encodeError(VarlinkServiceError.expectedMore))
            return
        }
        do {
            try await handler(call, send)
        } catch is CancellationError {
            return
        } catch {
            try? await send(VarlinkCodec.encodeError(WireErrorMapping.varlinkError(for: error)))
        }
    }

    /// The interfaces with at least one registered method, sorted.
    public var interfaces: [String] {
        Set((Array(handlers.keys) + Array(streams.keys)).map { name in String(name[..<name.lastIndex(of: ".")!]) })
            .sorted()
    }

    /// The reply message for `call`: the method's reply or a declared error, never a thrown error.
    public func reply(to call: VarlinkCall) async -> [UInt8] {
        if streams[call.method] != nil {
            // A streaming method called without `more` (with it, the server streams instead).
            return VarlinkCodec.encodeError(VarlinkServiceError.expectedMore)
        }
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
