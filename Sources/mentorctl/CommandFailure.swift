import ArgumentParser
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A failure already explained to the user: one line on stderr, then this exit status.
struct CommandFailure: Error {
    /// The line to print, without the program name.
    var message: String
    /// 1 when the daemon refused the call, 69 (EX_UNAVAILABLE) when it cannot be reached.
    var exitCode: Int32

    static func unavailable(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 69)
    }
}

/// Runs `body`, printing any failure as one `mentorctl: ...` line (with `--json`, as an
/// ``ErrorReport`` on stdout) and exiting non-zero.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        ErrorReport.emit(failure.message, exitCode: failure.exitCode)
        throw ExitCode(failure.exitCode)
    } catch let error as VarlinkConnectionError {
        var remote: VarlinkRemoteError?
        if case .remote(let reply) = error { remote = reply }
        // A daemon at its connection limit is unavailable for now, as one that is not running is.
        let code: Int32 = remote.map { $0.name != MentordError.tooManyConnections(limit: 0).name } == true ? 1 : 69
        if error == .closedByPeer {
            // A daemon that refuses to start (a damaged database, a bad config) under socket
            // activation only closes the connection: say where it says why.
            ErrorReport.emit(
                "\(error.message); if mentord stopped, its log says why: "
                    + "'journalctl --user -u mentord', or \(DaemonLauncher.logPath) when mentorctl started it",
                exitCode: code)
        } else {
            ErrorReport.emit(error.userMessage, exitCode: code, remote: remote)
        }
        throw ExitCode(code)
    }
}

/// Writes `mentorctl: <message>` as one line to stderr; the message often quotes stored or typed
/// text, so it is escaped like standard output (``TerminalText``).
func printError(_ message: String, prefixed: Bool = true) {
    let line = Array("\(prefixed ? "mentorctl: " : "")\(TerminalText.escaped(message))\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
