import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// A client running as another user is refused even when file modes would let it connect.
struct PeerCredentialTests {
    static let canSwitchUser = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canSwitchUser, "needs root and setpriv to run a client as nobody"))
    func refusesAPeerWithAnotherUid() async throws {
        try await offThePool { [self] in try refusesAPeerWithAnotherUidBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesAPeerWithAnotherUidBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        // Open the fences that normally stop other users first: directory and socket modes.
        chmod(daemon.directory.path, 0o711)
        chmod(daemon.socketPath, 0o666)
        let probe = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            try:
                s.sendall(b'{"method":"io.mentord.GetStatus"}\\0')
            except BrokenPipeError:
                pass  # refused before it could ask: the refusal is waiting to be read
            print(s.recv(4096).rstrip(b'\\0').decode())
            """
        let result = try ProcessRunner.run(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", probe, daemon.socketPath])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("org.varlink.service.PermissionDenied"))
        #expect(!result.stdout.contains("databasePath"))
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).meetings == 0, "the owner is still served")
    }

    @Test(.enabled(if: canSwitchUser, "needs root and setpriv to run mentorctl as nobody"))
    func mentorctlRefusesASocketOwnedByAnotherUser() async throws {
        try await offThePool { [self] in try mentorctlRefusesASocketOwnedByAnotherUserBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func mentorctlRefusesASocketOwnedByAnotherUserBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        chmod(daemon.directory.path, 0o711)
        chmod(daemon.socketPath, 0o666)
        // nobody's mentorctl finds root's socket where it looks for its own daemon.
        let result = try ProcessRunner.run(
            "/usr/bin/setpriv",
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", BuildProducts.executable("mentorctl"), "status",
                "--no-autostart", "--socket", daemon.socketPath,
            ])
        #expect(result.status == 69, "\(result)")
        #expect(result.stderr.contains("belongs to uid 0, not to you"))
    }
}
