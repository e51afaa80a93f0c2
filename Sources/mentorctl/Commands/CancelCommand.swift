import ArgumentParser
import MentorProtocol

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a meeting: it stays in your history but never reminds.")

    @Argument(help: "The meeting's id.")
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(CancelMeeting.self, MeetingIdentifier(id: id)) { reply in
                print("Cancelled meeting \(reply.meeting.id): \(reply.meeting.title) with \(reply.meeting.partner)")
            }
        }
    }
}
