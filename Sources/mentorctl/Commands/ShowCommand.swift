import ArgumentParser
import MentorProtocol

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one meeting.",
        discussion: "A partner's name shows their next meeting: 'mentorctl show priya'.")

    @Argument(help: MeetingReference.help, completion: Completions.recentMeetings)
    var meeting: MeetingReference

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let resolved = try meeting.resolve(daemon)
            try daemon.perform(GetMeeting.self, MeetingIdentifier(id: resolved.id)) { reply in
                print(MeetingFormatter.detail(reply.meeting))
                if !reply.meeting.recurrence.isEmpty, let next = resolved.localStart {
                    print("Next:       \(UserTime.when(next))")
                }
            }
        }
    }
}
