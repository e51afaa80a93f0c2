import MentorProtocol

/// The daemon as completion reaches it: only when it already runs, briefly, and silently.
///
/// A shell waits for completions with the user's finger on TAB, and its command line is no place
/// for errors, so every failure (no daemon, a stuck one, a socket of another user, an old daemon)
/// means no candidates from the daemon, and mentord is never started for it.
struct CompletionDaemon {
    /// How long a connect, send or receive may wait: a running daemon answers in a few milliseconds,
    /// and one busy or descheduled for longer still does within a second (as for `mentorctl prompt`).
    static let timeoutSeconds = 1.0

    private let connection: VarlinkConnection

    /// Connected to the socket the command line names (`--socket`), else the usual one; nil when
    /// nothing answers there.
    init?(words: [String]) {
        let path = Self.socketOption(in: words) ?? SocketPath.resolve()
        guard (try? DaemonClient.refuseForeignSocket(path)) != nil,
            let connection = try? VarlinkConnection(path: path, timeout: Self.timeoutSeconds)
        else { return nil }
        self.connection = connection
    }

    /// The reply to `method`, or nil on any failure.
    func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) -> M.Reply? {
        try? connection.call(method, parameters)
    }

    /// The value of `--socket PATH` or `--socket=PATH` among the shell's words, as typed.
    static func socketOption(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "--socket", index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix("--socket=") { return String(word.dropFirst("--socket=".count)) }
        }
        return nil
    }
}
