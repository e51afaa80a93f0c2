import ArgumentParser
import MentorProtocol

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a meeting: it stays in your history but never reminds.")

    @Argument(help: "The meeting's id.", completion: Completions.upcomingMeetings)
    var id: Int64

    @Option(
        help: ArgumentHelp(
            "Cancel only this occurrence of a repeating meeting (its original start).", valueName: "time"))
    var occurrence: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            if let occurrence {
                try DaemonClient(client).perform(CancelOccurrence.self, .init(id: id, occurrence: occurrence)) {
                    reply in
                    let cancelled = (reply.localOccurrence ?? reply.occurrence).map(UserTime.when) ?? occurrence
                    print("Cancelled the \(cancelled) occurrence of \(reply.meeting.title) (meeting \(id))")
                }
                return
            }
            try DaemonClient(client).perform(CancelMeeting.self, MeetingIdentifier(id: id)) { reply in
                print("Cancelled meeting \(reply.meeting.id): \(reply.meeting.title) with \(reply.meeting.partner)")
            }
        }
    }
}
