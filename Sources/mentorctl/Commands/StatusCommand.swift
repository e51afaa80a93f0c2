import ArgumentParser
import MentorProtocol

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show whether mentord runs, since when, and what it stores.",
        discussion: """
            Exits 1, after the status, when mentord found its database damaged: it then writes \
            nothing more to it, and the last line says how to restore or recover it.
            """)

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let reply = try DaemonClient(client).perform(GetStatus.self, NoParameters()) { status in
                print(
                    TextTable.render([
                        [
                            "mentord:",
                            "\(status.version), pid \(status.pid), running since \(UserTime.minute(status.startedAt)) (\(MeetingFormatter.duration(status.uptimeSeconds)))",
                        ],
                        ["Meetings:", "\(status.upcomingMeetings) upcoming, \(status.meetings) stored"],
                        ["Relationships:", "\(status.relationships)"],
                        ["Time zone:", status.timeZone],
                        ["Database:", status.databasePath + (status.databaseProblem == nil ? "" : " (damaged)")],
                        ["Socket:", status.socketPath],
                    ]))
            }
            if let reply, let problem = reply.databaseProblem {
                throw CommandFailure(
                    message: MentordError.databaseDamaged(path: reply.databasePath, reason: problem).message,
                    exitCode: 1)
            }
        }
    }
}
