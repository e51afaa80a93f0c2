import ArgumentParser
import MentorProtocol

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Answer a card: prep for the steps before a meeting, capture for the one after it.",
        discussion: """
            What a notification's Open prompts button runs (the [desktop] open command, with the \
            meeting id and the card's first step appended): the interactive 'prep' for Purpose, \
            Preparation, Plan and Participation, and the interactive 'capture' for the capture \
            nudges, so a capture made from the notification feeds the next meeting like any other. \
            It waits for Enter at the end, so the window it runs in stays open until you have read it.
            """)

    @Argument(help: MeetingReference.help, completion: Completions.recentMeetings) var meeting: String
    @Argument(help: "The card's step; default: the next step before the meeting.", completion: Completions.steps)
    var step: Wire.Step?
    @OptionGroup var client: ClientOptions

    func run() throws {
        let shared = client.arguments
        defer {
            if Terminal.isInteractive {
                print("\nPress Enter to close.", terminator: "")
                _ = readLine()
            }
        }
        if let step, step.isAfterMeeting {
            let capture = try CaptureCommand.parse([meeting] + shared)
            try capture.run()
        } else {
            let prep = try PrepCommand.parse([meeting] + (step.map { [$0.rawValue] } ?? []) + shared)
            try prep.run()
        }
    }
}
