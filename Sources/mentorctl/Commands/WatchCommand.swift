import ArgumentParser
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print reminders in this terminal as they fire, until interrupted.",
        discussion: "With --json, each reminder is one JSON object on its own line, for scripts.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let connection = try DaemonClient.connection(client)
            try connection.stream(Subscribe.self, NoParameters()) { reply, _ in
                if reply.ready == true {
                    if !client.json { printError("watching for reminders (Ctrl-C to stop)", prefixed: false) }
                } else if let reminder = reply.reminder {
                    print(client.json ? JSONOutput.line(reminder) : ReminderFormatter.card(reminder) + "\n")
                }
                // Line-buffered even when piped: a reminder is only useful when it is seen.
                fflush(nil)
                return true
            }
        }
    }
}
