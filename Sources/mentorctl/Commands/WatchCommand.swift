import ArgumentParser
import MentorExport
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print reminders in this terminal as they fire, until interrupted.",
        discussion: """
            With --json, each reminder is one JSON object on its own line, for scripts. On a terminal, \
            cards are folded at spaces to its width ($COLUMNS when it does not say); piped, never.

            When mentord stops or restarts, watch says so on stderr and connects again as soon as a \
            daemon listens on the socket (retrying every 0.1 s at first, every 5 s at most). It never \
            starts one itself to come back, with or without --no-autostart (under systemd, the socket \
            starts mentord at that connection; without it, any other mentorctl command does). \
            Reminders that fired while it was away are not shown again.
            """)

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            var connection = try DaemonClient.connection(client)
            var delay = RetryDelay()
            // Whether a subscription was ever confirmed: only then is a dropped connection a
            // daemon that went away, rather than one that would not start (which is reported).
            var subscribed = false
            var away = false
            while true {
                do {
                    try follow(connection) {
                        if away {
                            printError("mentord is back; watching for reminders again", prefixed: false)
                        } else if !client.json {
                            printError("watching for reminders (Ctrl-C to stop)", prefixed: false)
                        }
                        subscribed = true
                        away = false
                        delay.reset()
                    }
                    return
                } catch let error as VarlinkConnectionError where subscribed && Self.isDaemonGone(error) {
                    if !away {
                        printError("mentord went away (\(error.message)); reconnecting when it is back")
                        away = true
                    }
                }
                connection = try reconnection(after: &delay)
            }
        }
    }

    /// Subscribes on `connection` and prints each card as it comes, until the stream ends;
    /// `onReady` runs when the daemon confirms the subscription.
    private func follow(_ connection: VarlinkConnection, onReady: () -> Void) throws {
        try connection.stream(Subscribe.self, NoParameters()) { reply, _ in
            if reply.ready == true {
                onReady()
            } else if let reminder = reply.reminder {
                print(client.json ? JSONOutput.line(reminder) : Self.folded(ReminderFormatter.card(reminder)) + "\n")
            }
            // Line-buffered even when piped: a reminder is only useful when it is seen.
            fflush(nil)
            return true
        }
    }

    /// A connection once something listens on the socket again, waiting `delay` between attempts.
    /// It only connects: whoever stopped mentord meant it, and systemd's socket, or the next
    /// mentorctl command, starts it again.
    private func reconnection(after delay: inout RetryDelay) throws -> VarlinkConnection {
        while true {
            delay.sleep()
            if let connection = try DaemonClient.connectionIfListening(client) { return connection }
        }
    }

    /// Whether `error` means the daemon is gone or going (it hung up, or refused a connection while
    /// shutting down), so waiting for it makes sense; any other error ends `watch` as it would
    /// any command.
    private static func isDaemonGone(_ error: VarlinkConnectionError) -> Bool {
        switch error {
        case .closedByPeer: true
        case .remote(let refusal): refusal.name == MentordError.tooManyConnections(limit: 0).name
        default: false
        }
    }

    /// `card` folded to the terminal's width, read for each card since the window may have been
    /// resized; as it is when standard output is not a terminal. Escaped first, so the width
    /// measured is the width shown.
    private static func folded(_ card: String) -> String {
        guard let width = Terminal.wrapWidth else { return card }
        return WordWrap.wrap(TerminalText.escaped(card), width: width)
    }
}
