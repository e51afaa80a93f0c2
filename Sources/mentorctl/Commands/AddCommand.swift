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

            --at takes RFC 3339 (2026-12-03T15:00:00+01:00), a local "2026-12-03 15:00" in --tz, \
            "today 15:00", "tomorrow 9:30", a weekday ("mon 15:00"), a bare "15:00", "now" or "in 2h".
            """)

    @Argument(help: "What the meeting is, in a few words.")
    var title: String

    @Option(name: .customLong("with"), help: ArgumentHelp("The other person.", valueName: "name"))
    var partner: String

    @Option(help: "Your role with them: mentor or mentee (required the first time you name a partner).")
    var role: Wire.Role?

    @Option(name: .customLong("at"), help: ArgumentHelp("When it starts.", valueName: "time"))
    var start: String

    @Option(
        name: .customLong("tz"),
        help: ArgumentHelp("IANA time zone of the meeting (default: yours).", valueName: "zone"))
    var timeZone: String?

    @Option(help: ArgumentHelp("How long it lasts, e.g. 45m or 1h30m (default 1h).", valueName: "duration"))
    var duration: String?

    @Option(help: "Why you are meeting: the goal of this conversation.")
    var purpose: String?

    @Option(
        help: ArgumentHelp(
            "Per-step reminder offsets, e.g. purpose=3d,plan=off,participation=10m (steps not named follow the config).",
            valueName: "step=duration,..."))
    var offsets: String?

    @Option(
        name: .customLong("repeat"),
        help: ArgumentHelp(
            "Repeat: daily, weekly, fortnightly, monthly, or an RRULE such as FREQ=MONTHLY;BYDAY=2TU"
                + " (\"\" on edit: no longer repeat).", valueName: "rule"))
    var recurrence: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddMeeting.Parameters(
                title: title, partner: partner, role: role, start: start, timeZone: timeZone ?? LocalTimeZone.name(),
                duration: duration, purpose: purpose, offsets: offsets,
                recurrence: recurrence)
            try DaemonClient(client).perform(AddMeeting.self, parameters) { reply in
                print("Added meeting \(reply.meeting.id): \(MeetingFormatter.summary(reply.meeting))")
            }
        }
    }
}
