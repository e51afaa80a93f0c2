import ArgumentParser
import MentorProtocol

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a meeting for good (use 'cancel' to keep its history).")

    @Argument(help: "The meeting's id.", completion: Completions.recentMeetings)
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(DeleteMeeting.self, MeetingIdentifier(id: id)) { _ in
                print("Deleted meeting \(id)")
            }
        }
    }
}
