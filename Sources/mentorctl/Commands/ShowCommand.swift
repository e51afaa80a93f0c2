import ArgumentParser
import MentorProtocol

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one meeting.")

    @Argument(help: "The meeting's id (see 'mentorctl list').")
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetMeeting.self, MeetingIdentifier(id: id)) { reply in
                print(MeetingFormatter.detail(reply.meeting))
            }
        }
    }
}
