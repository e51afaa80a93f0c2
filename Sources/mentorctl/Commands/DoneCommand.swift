import ArgumentParser
import MentorProtocol

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a step of a meeting done, so its reminder stays quiet.",
        discussion: """
            Steps: purpose, preparation, plan, participation, capture, captureAgain. A partner's name \
            stands for their next meeting, or for capture the latest one not captured yet: \
            'mentorctl done sam plan'.
            """)

    @Argument(help: MeetingReference.help, completion: Completions.recentMeetings)
    var meeting: MeetingReference

    @Argument(help: "The step.", completion: Completions.steps)
    var step: Wire.Step

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let resolved = try meeting.resolve(daemon, choice: step.isAfterMeeting ? .capture : .next)
            try daemon.perform(
                MarkStepDone.self, .init(meetingId: resolved.id, step: step, occurrence: resolved.occurrence)
            ) { _ in
                print("Marked \(step.title) of \(resolved.label) done")
            }
        }
    }
}
