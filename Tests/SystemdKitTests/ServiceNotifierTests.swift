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

    @Test func refusesPassedDescriptorsThatAreNotListeningSockets() throws {
        // Descriptor 3 as a plain file, claimed to be passed to this very process.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let saved = dup(3)
        defer {
            if saved >= 0 {
                dup2(saved, 3)
                close(saved)
            } else {
                close(3)
            }
        }
        let file = open(directory.file("plain"), O_CREAT | O_RDWR, 0o600)
        dup2(file, 3)
        close(file)
        setenv("LISTEN_FDS", "1", 1)
        setenv("LISTEN_PID", String(getpid()), 1)
        #expect(throws: SocketActivationError.notAUnixStreamListener(descriptor: 3)) {
            try SocketActivation.listeningUnixSockets()
        }
        #expect(getenv("LISTEN_FDS") == nil, "the variables are cleared so children do not inherit them")
    }
}
