import Foundation
import MentorTestSupport
import SystemdKit
import Testing

/// These tests change this process's environment (NOTIFY_SOCKET, LISTEN_FDS), so they run one at a time.
@Suite(.serialized)
struct ServiceNotifierTests {
    @Test func deliversStatesToTheNotifySocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try NotifySocketListener(path: directory.file("notify"))
        setenv("NOTIFY_SOCKET", listener.path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        let notifier = ServiceNotifier()
        #expect(notifier.ready(status: "Serving /tmp/x"))
        #expect(notifier.stopping())
        let (found, messages) = listener.waitFor("STOPPING=1", timeout: 5)
        #expect(found)
        #expect(messages.first == "READY=1\nSTATUS=Serving /tmp/x")
    }

    @Test func isANoOpWithoutAServiceManager() {
        unsetenv("NOTIFY_SOCKET")
        #expect(ServiceNotifier().ready(status: "x") == false)
    }

    @Test func findsNoSocketsWhenNotActivated() throws {
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_PID")
        #expect(try SocketActivation.listeningUnixSockets() == [])
    }
}
