import ArgumentParser
import MentorProtocol

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show whether mentord runs, since when, and what it stores.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetStatus.self, NoParameters()) { status in
                print(
                    TextTable.render([
                        [
                            "mentord:",
                            "\(status.version), pid \(status.pid), running since \(status.startedAt) (\(MeetingFormatter.duration(status.uptimeSeconds)))",
                        ],
                        ["Meetings:", "\(status.upcomingMeetings) upcoming, \(status.meetings) stored"],
                        ["Relationships:", "\(status.relationships)"],
                        ["Time zone:", status.timeZone],
                        ["Database:", status.databasePath],
                        ["Socket:", status.socketPath],
                    ]))
            }
        }
    }
}
