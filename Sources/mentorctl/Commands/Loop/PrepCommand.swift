import ArgumentParser
import MentorProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct PrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "Show a step's prompts with what was said before, and record your answers.",
        discussion: """
            Without STEP, the first step of the next occurrence that is not done yet. MEETING is an id \
            or a partner's name for their next meeting. In a terminal, mentorctl asks one prompt at a \
            time: type an answer (the arrow keys edit the line), press Enter to skip, type :e to write \
            a long answer in $EDITOR, Ctrl-D to record what you answered so far, Ctrl-C to leave \
            without recording. Answering marks the step done, so its reminder stays quiet. Answers are \
            kept by question: answering one again replaces only that answer. After the meeting, use \
            'mentorctl capture'.

            Examples:
              mentorctl prep 3
              mentorctl prep priya plan
              mentorctl prep 3 preparation --answer 1="The RFC review" --answer 3="Ask about Kim"
              echo '["The RFC review", "", "Ask about Kim"]' | mentorctl prep 3 plan --stdin
              mentorctl prep 3 --show
            """)

    @Argument(help: MeetingReference.help, completion: Completions.upcomingMeetings) var meeting: MeetingReference
    @Argument(help: "purpose, preparation, plan or participation.", completion: Completions.steps) var step: Wire.Step?
    @Option(help: "The occurrence's start (for a repeating meeting); default: the next one.")
    var occurrence: String?
    @Option(
        name: .customLong("answer"),
        help: ArgumentHelp("Answer prompt N, non-interactively (repeatable).", valueName: "N=TEXT"))
    var answers: [String] = []
    @Flag(help: "Read the answers as JSON from stdin: an array of strings in prompt order.")
    var stdin = false
    @Flag(help: "Only show the prompts and their context; record nothing.")
    var show = false
    @OptionGroup var client: ClientOptions

    func validate() throws {
        if let step, step.isAfterMeeting {
            // Free-text answers to the capture questions store no commitments, topics or next date,
            // so the next meeting's cards would start from nothing.
            throw ValidationError(
                "prep asks the steps before a meeting; record what came out of it with 'mentorctl capture \(meetingText)'"
            )
        }
    }

    /// The meeting as typed, for messages.
    private var meetingText: String {
        switch meeting {
        case .id(let id): String(id)
        case .partner(let name): name
        }
    }

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let resolved = try meeting.resolve(daemon)
            let meeting = resolved.id
            guard
                let prep = try daemon.perform(
                    GetPrep.self, .init(meetingId: meeting, step: step, occurrence: occurrence ?? resolved.occurrence),
                    human: { print(Self.render($0)) })
            else { return }
            let given = try collectAnswers(for: prep.prompts)
            guard let given else { return }
            guard !given.isEmpty else {
                printError("nothing answered, nothing recorded; \(prep.step.title) stays due")
                return
            }
            let answers = given.map { Wire.Answer(step: prep.step, prompt: $0.prompt, answer: $0.answer) }
            // A new connection: the daemon closes one left idle while the answers were typed.
            let reply = try DaemonClient(client).call(
                RecordAnswers.self,
                .init(meetingId: meeting, step: prep.step, occurrence: prep.occurrence, answers: answers))
            if client.json {
                print(JSONOutput.line(reply))
            } else {
                print(
                    "Recorded \(answers.count) answer\(answers.count == 1 ? "" : "s"); "
                        + "\(prep.step.title) of \(UserTime.when(prep.localStart)) is done.")
            }
        }
    }

    /// The answers given with --answer, --stdin or interactively; nil when only showing.
    private func collectAnswers(for prompts: [String]) throws -> [(prompt: String, answer: String)]? {
        if show { return nil }
        if !answers.isEmpty {
            return try answers.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let index = Int(parts[0]), prompts.indices.contains(index - 1) else {
                    throw CommandFailure(
                        message: "--answer takes N=TEXT with N from 1 to \(prompts.count), not '\(text)'", exitCode: 64)
                }
                return (prompts[index - 1], parts[1])
            }.filter { !$0.answer.trimmed.isEmpty }
        }
        if stdin {
            var text = ""
            while let line = readLine(strippingNewline: false) { text += line }
            guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw CommandFailure(message: "--stdin expects a JSON array of strings, in prompt order", exitCode: 64)
            }
            guard list.count <= prompts.count else {
                throw CommandFailure(
                    message: "\(list.count) answers for \(prompts.count) prompts", exitCode: 64)
            }
            return zip(prompts, list).filter { !$0.1.trimmed.isEmpty }.map { ($0.0, $0.1) }
        }
        guard Terminal.isInteractive, !client.json else { return nil }
        print("\nAnswer each prompt (Enter skips, :e opens $EDITOR, Ctrl-D stops, Ctrl-C leaves without saving):")
        var given: [(prompt: String, answer: String)] = []
        for (index, prompt) in prompts.enumerated() {
            switch Terminal.ask("\n\(index + 1). \(prompt)\n>") {
            case .line(let answer):
                if !answer.isEmpty { given.append((prompt, answer)) }
            case .endOfInput:
                return given
            case .interrupted:
                printError("stopped; nothing recorded")
                throw ExitCode(130)
            }
        }
        return given
    }

    /// The step's prompts under what fills them.
    static func render(_ prep: GetPrep.Reply) -> String {
        var lines = [
            "\(prep.step.title) for \(prep.meeting.title) with \(prep.meeting.partner), "
                + UserTime.when(prep.localStart)
        ]
        let context = prep.context
        if !context.goal.isEmpty {
            lines.append("  Goal: \(context.goal)" + (context.daysLeft.map { " (\($0) days left)" } ?? ""))
        }
        if !context.agreedGoal.isEmpty { lines.append("  This meeting: \(context.agreedGoal)") }
        if !context.lastSummary.isEmpty { lines.append("  Last time: \(context.lastSummary)") }
        for item in context.openActions {
            lines.append(
                "  Open: \(item.text) (\(item.owner)\(item.dueOn.isEmpty ? "" : ", due \(item.dueOn)"), carried \(item.timesCarried)×)"
            )
        }
        for topic in context.openTopics { lines.append("  Parked: \(topic.text) (carried \(topic.timesCarried)×)") }
        lines.append("")
        lines += prep.prompts.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        for answer in prep.answers { lines.append("  answered: \(answer.prompt)\n    \(answer.answer)") }
        return lines.joined(separator: "\n")
    }
}
