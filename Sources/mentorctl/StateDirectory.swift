import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// `$XDG_STATE_HOME/mentord` (else `~/.local/state/mentord`): where mentorctl keeps the autostart
/// log and capture drafts, created with mode 0700 on the way, as the XDG spec asks for state.
enum StateDirectory {
    /// The directory `subdirectory` of it (`""` for itself), created if missing.
    static func path(_ subdirectory: String = "") -> String {
        let state =
            SocketPath.environmentVariable("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (SocketPath.environmentVariable("HOME") ?? "/tmp") + "/.local/state"
        let directory = state + "/mentord" + (subdirectory.isEmpty ? "" : "/" + subdirectory)
        var prefix = ""
        for component in directory.split(separator: "/") {
            prefix += "/\(component)"
            mkdir(prefix, 0o700)
        }
        return directory
    }
}
