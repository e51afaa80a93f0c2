#if canImport(Glibc)
import Glibc
#endif

/// Where the control socket lives, resolved the same way by the daemon and the client.
///
/// `MENTORD_SOCKET` wins; then `$XDG_RUNTIME_DIR/mentord/socket`; without a runtime directory
/// (containers, `su` sessions), `/tmp/mentord-$UID/socket`, whose directory the daemon checks is
/// ours and 0700 before trusting it.
public enum SocketPath {
    /// The socket path for this environment.
    public static func resolve(environment: (String) -> String? = SocketPath.environmentVariable) -> String {
        if let explicit = environment("MENTORD_SOCKET"), !explicit.isEmpty { return explicit }
        if let runtime = environment("XDG_RUNTIME_DIR"), !runtime.isEmpty { return runtime + "/mentord/socket" }
        return "/tmp/mentord-\(getuid())/socket"
    }

    /// Reads a variable of this process's environment.
    @Sendable public static func environmentVariable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
