import ArgumentParser
import MentorProtocol

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a step of a meeting done, so its reminder stays quiet.",
        discussion: "Steps: purpose, preparation, plan, participation, capture, captureAgain.")

    @Argument(help: "The meeting's id.")
    var id: Int64

    @Argument(help: "The step.")
    var step: Wire.Step

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(MarkStepDone.self, .init(meetingId: id, step: step)) { _ in
                print("Marked \(step.title) of meeting \(id) done")
            }
        }
    }
}
