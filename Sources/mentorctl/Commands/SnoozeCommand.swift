import ArgumentParser
import MentorProtocol

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze", abstract: "Postpone a step's reminder (never past the next step or the start).",
        discussion: """
            Examples:
              mentorctl snooze 3 preparation          # one hour
              mentorctl snooze 3 purpose tomorrow     # the prep hour tomorrow
              mentorctl snooze 3 purpose evening      # when quiet hours begin
              mentorctl snooze 3 plan 30m
            """)

    @Argument(help: "The meeting's id.")
    var id: Int64

    @Argument(help: "The step.")
    var step: String

    @Argument(help: "For how long (e.g. 30m), or evening, or tomorrow.")
    var until = "1h"

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(SnoozeReminder.self, .init(meetingId: id, step: step, until: until)) {
                reply in
                print("Snoozed \(step) of meeting \(id) until \(reply.until)")
            }
        }
    }
}
