import ArgumentParser
import MentorProtocol

struct CalendarAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Follow a calendar, and sync it once.",
        discussion: """
            SOURCE is an .ics file, a folder of .ics files (a vdir, as vdirsyncer and khal keep \
            them), or an http(s) URL: a CalDAV calendar collection (read-only) or an ICS feed such as \
            Google's secret address. mentord asks the server which it is.

            Which events are mentoring meetings: with no --match, every event; with rules, those any \
            rule takes (category:WORD, title:WORD, attendee: an attendee is a relationship's \
            e-mail address). A matched event is with the relationship whose e-mail address it names, \
            else with --with. Events no rule takes are listed by 'calendar show NAME --unmatched'.

            A password is never stored: it is read from --password-file, or printed by \
            --password-command (its words, no shell), at each sync, and sent only over https or to \
            this machine.

            Examples:
              mentorctl calendar add ~/.calendars/work --name work --match category:Mentoring
              mentorctl calendar add ~/Downloads/sam.ics --with Sam --role mentee
              mentorctl calendar add https://dav.example.org/cal/me/work/ --user me \\
                  --password-command "pass show dav" --match title:1:1 --match attendee
            """)

    @Argument(help: ArgumentHelp("A file, a folder, or an http(s) URL.", valueName: "source"))
    var source: String

    @Option(help: "Its name (default: the file or folder name, or the URL's host).")
    var name: String?

    @Option(
        name: .customLong("with"), help: ArgumentHelp("The default partner of its events.", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(help: "Your role with that partner: mentor or mentee (needed when the partner is new).")
    var role: Wire.Role?

    @Option(
        help: ArgumentHelp(
            "A rule: category:WORD, title:WORD or attendee (repeat: an event any rule takes is a meeting).",
            valueName: "rule"))
    var match: [String] = []

    @Option(help: "Time between polls of a URL or CalDAV calendar (default 15m).")
    var interval: String?

    @Option(name: .customLong("user"), help: "User name for a server that asks for one.")
    var username: String?

    @Option(help: "A file whose first line is the password.")
    var passwordFile: String?

    @Option(help: ArgumentHelp("A command that prints the password (split on spaces, no shell).", valueName: "command"))
    var passwordCommand: String?

    @OptionGroup var client: ClientOptions

    func validate() throws {
        if role != nil, partner == nil { throw ValidationError("--role goes with --with NAME") }
        if passwordFile != nil, passwordCommand != nil {
            throw ValidationError("give --password-file or --password-command, not both")
        }
        if (passwordFile != nil || passwordCommand != nil) && username == nil {
            throw ValidationError("a password goes with --user NAME")
        }
    }

    func run() throws {
        let location = source.contains("://") ? source : ImportCommand.absolute(source)
        let parameters = AddCalendarSource.Parameters(
            location: location, name: name, partner: partner, role: role, match: match.isEmpty ? nil : match,
            interval: interval, username: username, passwordFile: passwordFile.map(ImportCommand.absolute),
            passwordCommand: passwordCommand.map { $0.split(separator: " ").map(String.init) })
        var failed = false
        try reportingFailures {
            let reply = try DaemonClient(client).perform(AddCalendarSource.self, parameters) { reply in
                let source = reply.source
                print("Following \(source.name) (\(source.kind.rawValue) \(source.location))")
                print(CalendarFormatter.sync(reply.sync))
            }
            failed = reply?.sync.ok == false
        }
        if failed { throw ExitCode.failure }
    }
}
