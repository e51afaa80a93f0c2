import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The blocking client against a server the test plays by hand on a real Unix socket.
struct VarlinkConnectionTests {
    /// A listening socket at `path`; the caller closes it.
    private func listen(at path: String) throws -> Int32 {
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8) + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, Glibc.listen(listener, 4) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return listener
    }

    /// A server at its connection limit answers at once and hangs up, before the client has sent
    /// its call. The client must report that answer, not "the daemon closed the connection".
    @Test func reportsARefusalSentBeforeTheCall() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try listen(at: directory.file("socket"))
        defer { close(listener) }
        let connection = try VarlinkConnection(path: directory.file("socket"))
        let server = accept(listener, nil, nil)
        let refusal = VarlinkCodec.encodeError(MentordError.tooManyConnections(limit: 2))
        #expect(refusal.withUnsafeBytes { write(server, $0.baseAddress, $0.count) } == refusal.count)
        close(server)
        do {
            _ = try connection.call(GetStatus.self, NoParameters())
            Issue.record("the call succeeded")
        } catch {
            #expect(error.message == "the daemon already serves 2 connections; try again later")
            guard case .remote(let remote) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(remote.name == "io.mentord.TooManyConnections")
        }
    }
}
