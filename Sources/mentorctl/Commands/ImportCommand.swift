import ArgumentParser
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import meetings from iCalendar (.ics) files: calendar exports from Google, Outlook, Nextcloud, Apple or Thunderbird.",
        discussion: """
            Each series, single event, or changed occurrence without its series becomes a meeting with \
            reminders. Importing the same calendar again (a new export, from any path) updates what \
            changed and duplicates nothing; prep answers, captures and reminders already shown stay \
            with their occurrences. Events no longer in the file are left as they are.

            With --with, every event is with that partner. Without it, each event's organizer and \
            attendees are matched against the e-mail addresses of your relationships \
            ('mentorctl relationship edit NAME --email ADDRESS'); your own addresses ([calendar] \
            addresses in the configuration) are left out, and an event you declined is skipped. \
            All-day events are skipped. The summary lists every skipped event with its reason.

            Each file is imported on its own, whole or not at all. --json prints the daemon's reply, \
            or a list of replies for several files.

            Examples:
              mentorctl import ~/Downloads/calendar.ics --with Sam --role mentee
              mentorctl import work.ics home.ics --dry-run
            """)

    @Argument(help: ArgumentHelp("The calendar files.", valueName: "file"))
    var files: [String]

    @Option(
        name: .customLong("with"), help: ArgumentHelp("Every event is with this partner.", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(help: "Your role with that partner: mentor or mentee (needed when the partner is new).")
    var role: Wire.Role?

    @Flag(help: "Say what would be imported; change nothing.")
    var dryRun = false

    @OptionGroup var client: ClientOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one .ics file") }
        if role != nil, partner == nil { throw ValidationError("--role goes with --with NAME") }
    }

    func run() throws {
        var failed = false
        var replies: [ImportCalendar.Reply] = []
        try reportingFailures {
            let daemon = try DaemonClient(client)
            for file in files {
                let parameters = ImportCalendar.Parameters(
                    path: Self.absolute(file), partner: partner, role: role, dryRun: dryRun ? true : nil)
                do {
                    let reply = try daemon.call(ImportCalendar.self, parameters)
                    if client.json {
                        replies.append(reply)
                    } else {
                        print(ImportFormatter.summary(reply, file: file, dryRun: dryRun))
                    }
                } catch let error as VarlinkConnectionError {
                    // One file's refusal does not stop the others: each is its own transaction.
                    guard case .remote = error else { throw error }
                    printError(error.userMessage)
                    failed = true
                }
            }
        }
        if client.json {
            print(replies.count == 1 ? JSONOutput.pretty(replies[0]) : JSONOutput.pretty(replies))
        }
        if failed { throw ExitCode.failure }
    }

    /// `path` made absolute against the working directory: the daemon's is not the client's.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        guard let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        let base = String(cString: directory)
        return (base.hasSuffix("/") ? base : base + "/") + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}
