import ArgumentParser
import MentorProtocol

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Postpone a card's steps (never past the next step still to come, or the start).",
        discussion: """
            Steps: purpose, preparation, plan, participation, capture, captureAgain; several steps of
            one card, separated by commas, come back together.

            Examples:
              mentorctl snooze 3 preparation          # one hour
              mentorctl snooze 3 purpose tomorrow     # the prep hour tomorrow
              mentorctl snooze 3 purpose evening      # when quiet hours begin
              mentorctl snooze 3 purpose,preparation 30m
              mentorctl snooze priya plan 1h          # Priya's next meeting
            """)

    @Argument(help: MeetingReference.help, completion: Completions.upcomingMeetings)
    var meeting: MeetingReference

    @Argument(help: "The step, or the steps of one card separated by commas.", completion: Completions.stepLists)
    var steps: StepList

    @Argument(help: "For how long (e.g. 30m), or evening, or tomorrow.")
    var until = "1h"

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let after = steps.steps.first?.isAfterMeeting ?? false
            let resolved = try meeting.resolve(daemon, choice: after ? .capture : .next)
            try daemon.perform(
                SnoozeReminder.self, .init(meetingId: resolved.id, steps: steps.steps, until: until)
            ) { reply in
                let capped =
                    if let next = reply.nextStep {
                        " (no later: \(next.title) comes next)"
                    } else if reply.beforeStart {
                        " (no later: the meeting starts then)"
                    } else {
                        ""
                    }
                print(
                    "Snoozed \(steps.titles) of \(resolved.label) until \(UserTime.when(reply.localUntil))\(capped)")
            }
        }
    }
}
