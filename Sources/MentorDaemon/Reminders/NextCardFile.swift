import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The status file a shell prompt reads instead of starting `mentorctl prompt`: `next`, beside the
/// control socket (`$XDG_RUNTIME_DIR/mentord/next` by default), holding ``NextCard/line``.
///
/// It is written only when the next card changes, so it costs no wake-up of its own, and always
/// whole (a temporary file renamed over it), so a prompt never reads half a line. No next card,
/// or a stopped daemon, means no file. The socket's directory is checked to be the user's own and
/// closed to others before the daemon binds there, so nobody else can replace the file; under
/// socket activation systemd made it so.
struct NextCardFile: Sendable {
    /// Where the file is.
    let path: String

    /// The file beside the control socket at `socket`.
    init(socket: String) {
        let directory = (socket as NSString).deletingLastPathComponent
        path = (directory.isEmpty ? "." : directory) + "/next"
    }

    /// Replaces the file with `card`'s line, or removes it for no card. Returns whether it
    /// succeeded: a prompt is a convenience, so a failure is only logged by the caller.
    @discardableResult
    func write(_ card: NextCard?) -> Bool {
        guard let card else { return remove() }
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let bytes = Array(card.line.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes the file; true when it is gone (or was never there).
    @discardableResult
    func remove() -> Bool {
        unlink(path) == 0 || errno == ENOENT
    }
}
