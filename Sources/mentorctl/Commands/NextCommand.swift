import ArgumentParser
import MentorProtocol

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Show the next reminder that will fire and its meeting.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetNextReminder.self, NoParameters()) { reply in
                guard let reminder = reply.reminder else {
                    print("No reminder is scheduled.")
                    return
                }
                print(
                    "\(UserTime.when(reminder.localDueAt))  \(reminder.steps.map(\.title).joined(separator: " + "))")
                let meeting = reminder.meetingId.map { "meeting \($0)" } ?? "a meeting"
                print(
                    "  for \(meeting): \(reminder.title) with \(reminder.partner), \(UserTime.when(reminder.localStart, zone: reminder.timeZone))"
                )
            }
        }
    }
}
