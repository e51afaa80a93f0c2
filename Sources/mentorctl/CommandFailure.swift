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

/// Runs `body`, printing any failure as one `mentorctl: ...` line and exiting non-zero.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        printError(failure.message)
        throw ExitCode(failure.exitCode)
    } catch let error as VarlinkConnectionError {
        if error == .closedByPeer {
            // A daemon that refuses to start (a damaged database, a bad config) under socket
            // activation only closes the connection: say where it says why.
            printError(
                "\(error.message); if mentord stopped, its log says why: "
                    + "'journalctl --user -u mentord', or \(DaemonLauncher.logPath) when mentorctl started it")
        } else {
            printError(error.message)
        }
        // A daemon at its connection limit is unavailable for now, as one that is not running is.
        if case .remote(let remote) = error, remote.name != MentordError.tooManyConnections(limit: 0).name {
            throw ExitCode.failure
        }
        throw ExitCode(69)
    }
}

/// Writes `mentorctl: <message>` as one line to stderr; the message often quotes stored or typed
/// text, so it is escaped like standard output (``TerminalText``).
func printError(_ message: String, prefixed: Bool = true) {
    let line = Array("\(prefixed ? "mentorctl: " : "")\(TerminalText.escaped(message))\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
