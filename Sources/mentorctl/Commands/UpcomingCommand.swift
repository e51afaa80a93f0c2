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
            let connection = try DaemonClient.connection(client)
            var all: [Wire.Occurrence] = []
            // A long window comes page by page; people see each page as it arrives.
            try connection.upcoming(from: from, days: days) { page in
                if !client.json && !page.isEmpty { print(Self.render(page, first: all.isEmpty)) }
                all += page
            }
            if client.json {
                print(JSONOutput.pretty(ListUpcoming.Reply(occurrences: all)))
            } else if all.isEmpty {
                print("No meetings in the next \(days) day\(days == 1 ? "" : "s").")
            }
        }
    }

    /// One page of occurrences, each with its reminders; blocks are separated by a blank line.
    private static func render(_ occurrences: [Wire.Occurrence], first: Bool) -> String {
        let blocks = occurrences.map { occurrence in
            let header =
                "\(UserTime.when(occurrence.localStart, zone: occurrence.timeZone))  \(occurrence.title) with "
                + "\(occurrence.partner) (meeting \(occurrence.meetingId)\(occurrence.recurring ? ", repeats" : ""))"
            let rows = occurrence.reminders.map { reminder in
                [
                    "  " + reminder.step.title, UserTime.when(reminder.localAt),
                    reminder.state ?? "",
                ]
            }
            return header + "\n" + TextTable.render(rows)
        }
        return (first ? "" : "\n") + blocks.joined(separator: "\n\n")
    }
}
