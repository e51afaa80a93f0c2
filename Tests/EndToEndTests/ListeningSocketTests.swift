import Foundation
import MentorTestSupport
import Testing

/// The fixtures' check that a server listens, which the socket-activation and desktop tests wait
/// on before they connect.
struct ListeningSocketTests {
    @Test func findsAListeningSocketAmongManyAndNotOneOnlyBound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { close(descriptor) } }
        func socketFile(_ name: String, listening: Bool) throws -> String {
            let path = directory.file(name)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: Array(path.utf8) + [0])
            }
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(descriptor >= 0)
            descriptors.append(descriptor)
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            try #require(bound == 0 && (!listening || listen(descriptor, 1) == 0))
            return path
        }
        // More sockets than the kernel's first read of /proc/net/unix returns (about fifty).
        for index in 0..<150 { _ = try socketFile("s\(index)", listening: true) }
        let onlyBound = try socketFile("bound", listening: false)
        let last = try socketFile("last", listening: true)
        #expect(ListeningSocket.exists(at: last))
        #expect(!ListeningSocket.exists(at: onlyBound))
        #expect(!ListeningSocket.exists(at: directory.file("missing")))
    }
}
