import ArgumentParser
import MentorProtocol

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a meeting.",
        discussion: """
            Examples:
              mentorctl add "Career chat" --with Sam --role mentee --at "2026-12-03 15:00" --tz Europe/Berlin --duration 45m
              mentorctl add "Weekly 1:1" --with Ana --at "tomorrow 9:30"
              mentorctl add "Quick sync" --with Ana --at "in 2h" --duration 15m

            --at takes the time as you would say it, in --tz: "3pm", "15:00", "noon", "tomorrow at 9", \
            "next thursday 3pm", "Dec 10 15:00", "2026-12-10 15:00", "in 1.5h", or RFC 3339. A time in the \
            past is refused unless --past says you are recording a meeting that happened. All forms: docs/times.md.
            """)

    @Argument(help: "What the meeting is, in a few words.")
    var title: String

    @Option(
        name: .customLong("with"), help: ArgumentHelp("The other person.", valueName: "name"),
        completion: Completions.partners)
    var partner: String

    @Option(name: .customLong("at"), help: ArgumentHelp("When it starts.", valueName: "time"))
    var start: String

    @OptionGroup var details: MeetingDetailOptions

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddMeeting.Parameters(
                title: title, partner: partner, role: details.role, start: start,
                timeZone: try details.timeZone ?? UserTimeZone.current.nameToStore(), duration: details.duration,
                purpose: details.purpose,
                offsets: details.offsets, recurrence: details.recurrence, past: details.past ? true : nil)
            try DaemonClient(client).perform(AddMeeting.self, parameters) { reply in
                print("Added meeting \(reply.meeting.id): \(MeetingFormatter.summary(reply.meeting))")
            }
        }
    }
}
