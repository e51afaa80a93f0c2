import Glibc
import MentorProtocol
import Testing

struct SocketPathTests {
    @Test func prefersTheExplicitSocketThenTheRuntimeDirectory() {
        let all = ["MENTORD_SOCKET": "/x/sock", "XDG_RUNTIME_DIR": "/run/user/1000"]
        #expect(SocketPath.resolve { all[$0] } == "/x/sock")
        #expect(SocketPath.resolve { ["XDG_RUNTIME_DIR": "/run/user/1000"][$0] } == "/run/user/1000/mentord/socket")
        #expect(SocketPath.resolve { ["MENTORD_SOCKET": ""][$0] } == "/tmp/mentord-\(getuid())/socket")
    }
}
