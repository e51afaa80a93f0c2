import ArgumentParser
import MentorProtocol

struct CalendarSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync a followed calendar now (or all of them) and wait for the result.")

    @Argument(help: ArgumentHelp("The calendar; all of them when left out.", valueName: "name"))
    var name: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        var failed = false
        try reportingFailures {
            let reply = try DaemonClient(client).perform(SyncCalendarSources.self, .init(name: name)) { reply in
                if reply.syncs.isEmpty { print("No calendars followed.") }
                for sync in reply.syncs { print(CalendarFormatter.sync(sync)) }
            }
            failed = reply?.syncs.contains { !$0.ok } ?? false
        }
        if failed { throw ExitCode.failure }
    }
}
