import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A connection to mentord for one command, started on demand, printing replies as asked.
struct DaemonClient {
    private let options: ClientOptions
    private let connection: VarlinkConnection

    /// Connects to the daemon, starting it first if nothing listens and autostart is allowed.
    init(_ options: ClientOptions) throws {
        self.options = options
        connection = try Self.connection(options)
    }

    /// A connection to the daemon, started first if nothing listens and autostart is allowed.
    static func connection(_ options: ClientOptions) throws -> VarlinkConnection {
        let path = options.socketPath
        try refuseForeignSocket(path)
        let failure: VarlinkConnectionError
        do {
            return try VarlinkConnection(path: path)
        } catch {
            failure = error
        }
        guard failure.isNobodyListening else { throw failure }
        guard !options.noAutostart else {
            throw CommandFailure.unavailable(
                "mentord is not running (\(failure.message)); start it with "
                    + "'systemctl --user start mentord.socket' or 'mentord &'")
        }
        try DaemonLauncher.start(socket: path)
        return try VarlinkConnection(path: path)
    }

    /// A connection to the daemon if one listens on the socket, nil if none does; never starts one
    /// (for `watch` waiting for a daemon to come back).
    static func connectionIfListening(_ options: ClientOptions) throws -> VarlinkConnection? {
        let path = options.socketPath
        try refuseForeignSocket(path)
        do {
            return try VarlinkConnection(path: path)
        } catch  where error.isNobodyListening {
            return nil
        }
    }

    /// Throws when the socket at `path` belongs to another user. Another user could have put a
    /// socket where ours belongs (/tmp without XDG_RUNTIME_DIR) to read every call: talk only to a
    /// socket this user owns.
    static func refuseForeignSocket(_ path: String) throws(CommandFailure) {
        var status = stat()
        if stat(path, &status) == 0, status.st_uid != getuid() {
            throw CommandFailure.unavailable(
                "\(path) belongs to uid \(status.st_uid), not to you; refusing to send it anything")
        }
    }

    /// Calls `method` and returns its reply, printing nothing.
    func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws(VarlinkConnectionError)
        -> M.Reply
    {
        try connection.call(M.self, parameters)
    }

    /// The partner of relationship `id` as stored ("Sam Lee" for a typed "sam"), for a
    /// confirmation line; `typed` when it cannot be read.
    func partner(ofRelationship id: Int64, typed: String) -> String {
        let listed = try? call(ListRelationships.self, NoParameters()).relationships
        return listed?.first { $0.id == id }?.partner ?? typed
    }

    /// Calls `method`; prints the raw reply with `--json`, otherwise hands the decoded reply to
    /// `human`. Returns the decoded reply (nil only when `--json` output did not decode).
    @discardableResult
    func perform<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters, human: (M.Reply) -> Void) throws
        -> M.Reply?
    {
        let reply = try connection.callRaw(method: M.name, parameters: parameters)
        if options.json {
            let value = (try? VarlinkCodec.decodeReplyParameters(JSONValue.self, from: reply)) ?? .object([:])
            print(JSONOutput.pretty(value))
            return try? VarlinkCodec.decodeReplyParameters(M.Reply.self, from: reply)
        }
        do {
            let decoded = try VarlinkCodec.decodeReplyParameters(M.Reply.self, from: reply)
            human(decoded)
            return decoded
        } catch {
            throw CommandFailure(message: "unexpected reply to \(M.name): \(error.message)", exitCode: 1)
        }
    }
}

/// JSON for people and scripts alike: indented, keys sorted, so output is stable.
enum JSONOutput {
    /// One compact line, keys sorted: one event per line for `watch --json`.
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func pretty(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
