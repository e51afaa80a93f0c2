import ArgumentParser
import MentorProtocol

struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "List the meetings of the coming days, series expanded, with their planned reminders.")

    @Option(help: ArgumentHelp("Start of the window (default: now), in the forms 'add --at' takes.", valueName: "time"))
    var from: String?

    @Option(help: "Length of the window in days (1 to 366).")
    var days = 7

    @OptionGroup var client: ClientOptions

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be from 1 to 366") }
    }

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(ListUpcoming.self, .init(from: from, days: days)) { reply in
                guard !reply.occurrences.isEmpty else {
                    print("No meetings in the next \(days) day\(days == 1 ? "" : "s").")
                    return
                }
                let blocks = reply.occurrences.map { occurrence in
                    let header =
                        "\(DisplayText.when(occurrence.localStart)) \(occurrence.timeZone)  \(occurrence.title) with "
                        + "\(occurrence.partner) (meeting \(occurrence.meetingId)\(occurrence.recurring ? ", repeats" : ""))"
                    let rows = occurrence.reminders.map { reminder in
                        [
                            "  " + reminder.step.title, DisplayText.when(reminder.localAt),
                            reminder.state ?? "",
                        ]
                    }
                    return header + "\n" + TextTable.render(rows)
                }
                print(blocks.joined(separator: "\n\n"))
            }
        }
    }
}
