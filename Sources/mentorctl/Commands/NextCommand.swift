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
                let steps = reminder.steps.map(DisplayText.title).joined(separator: " + ")
                print("\(DisplayText.when(reminder.localDueAt))  \(steps)")
                print(
                    "  for meeting \(reminder.meetingId): \(reminder.title) with \(reminder.partner), \(DisplayText.when(reminder.localStart)) \(reminder.timeZone)"
                )
            }
        }
    }
}
