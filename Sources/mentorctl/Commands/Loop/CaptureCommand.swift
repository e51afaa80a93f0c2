import ArgumentParser
import MentorProtocol

struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record what came out of a meeting: commitments, open topics, the next date and goal.",
        discussion: """
            Commitments and topics roll into the relationship's next meetings until you mark them done \
            (mentorctl action done ID). --next creates the next meeting (or moves a series' next \
            occurrence); --goal becomes its Purpose. Capturing marks the capture reminders done. A \
            meeting that has not started yet can be captured too; mentorctl warns.

            A commitment is TEXT, optionally prefixed with the owner (me:, partner:, both:; default \
            me) and followed by "by YYYY-MM-DD". Without any option, in a terminal, mentorctl asks.

            Examples:
              mentorctl capture 3 --summary "Went through the RFC" \\
                --commit "Send the revised RFC by 2026-12-10" --commit "partner: Introduce me to Kim" \\
                --topic "Conference talk" --next "2026-12-14 15:00" --goal "Decide on the talk" \\
                --usefulness 5 --relationship 4
            """)

    @Argument(help: MeetingReference.help) var meeting: MeetingReference
    @Option(help: "The occurrence's start; default: the latest that has started.") var occurrence: String?
    @Option(help: "The meeting in brief; shown before the next one.") var summary: String?
    @Option(name: .customLong("commit"), help: ArgumentHelp("A commitment (repeatable).", valueName: "text"))
    var commitments: [String] = []
    @Option(name: .customLong("topic"), help: ArgumentHelp("A topic left open (repeatable).", valueName: "text"))
    var topics: [String] = []
    @Option(help: "When you meet next (forms as for add --at).") var next: String?
    @Option(help: "What the next meeting is for.") var goal: String?
    @Option(help: "One thing you learned or want to remember.") var reflection: String?
    @Option(help: "A note for you alone, left out of shareable exports.") var privateNote: String?
    @Option(help: "How useful the meeting was, 1 to 5.") var usefulness: Int?
    @Option(name: .customLong("relationship"), help: "How the relationship feels, 1 to 5.")
    var relationshipRating: Int?
    @Option(help: "Feedback you gave.") var feedbackGiven: String?
    @Option(help: "Feedback you received.") var feedbackReceived: String?
    @OptionGroup var client: ClientOptions

    /// Whether any field was given on the command line.
    private var anyGiven: Bool {
        summary != nil || !commitments.isEmpty || !topics.isEmpty || next != nil || goal != nil || reflection != nil
            || privateNote != nil || usefulness != nil || relationshipRating != nil || feedbackGiven != nil
            || feedbackReceived != nil
    }

    func run() throws {
        let daemon = try DaemonClient(client)
        let resolved = try meeting.resolve(daemon, choice: .capture)
        let meeting = resolved.id
        var parameters = CaptureMeeting.Parameters(
            meetingId: meeting, occurrence: occurrence ?? resolved.occurrence, summary: summary,
            commitments: commitments.isEmpty ? nil : commitments.map(Self.commitment),
            topics: topics.isEmpty ? nil : topics, nextStart: next, nextGoal: goal, reflection: reflection,
            privateNote: privateNote, usefulness: usefulness, relationshipRating: relationshipRating,
            feedbackGiven: feedbackGiven, feedbackReceived: feedbackReceived)
        if !anyGiven {
            guard Terminal.isInteractive else {
                throw ValidationError(
                    "give at least one of --summary, --commit, --topic, --next, --goal, ... "
                        + "(or run it in a terminal to be asked)")
            }
            guard let asked = Self.ask(parameters) else {
                printError("nothing captured")
                return
            }
            parameters = asked
        }
        try reportingFailures {
            try daemon.perform(CaptureMeeting.self, parameters) { reply in
                for warning in reply.warnings { printError("warning: \(warning)") }
                print("Captured meeting \(meeting) (\(reply.capture.occurrence)).")
                if let next = reply.nextMeeting, let occurrence = reply.nextOccurrence {
                    print(
                        "Next: meeting \(next.id), \(next.title), \(occurrence)"
                            + (reply.capture.nextGoal.isEmpty ? "" : ", goal: \(reply.capture.nextGoal)"))
                }
            }
        }
    }

    /// `partner: Introduce me to Kim by 2026-12-10` -> text, owner, due date.
    static func commitment(_ text: String) -> Wire.Commitment {
        var rest = text.trimmed
        var owner: String?
        for prefix in ["me", "partner", "both"] where rest.lowercased().hasPrefix(prefix + ":") {
            owner = prefix
            rest = String(rest.dropFirst(prefix.count + 1)).trimmed
        }
        var due: String?
        let words = rest.split(separator: " ")
        if words.count >= 3, words[words.count - 2].lowercased() == "by", words.last!.count == 10,
            words.last!.filter({ $0 == "-" }).count == 2
        {
            due = String(words.last!)
            rest = words.dropLast(2).joined(separator: " ")
        }
        return Wire.Commitment(text: rest, owner: owner, dueOn: due)
    }

    /// Asks for each field in the terminal; nil when the user stopped before answering anything.
    static func ask(_ empty: CaptureMeeting.Parameters) -> CaptureMeeting.Parameters? {
        var parameters = empty
        print("Capture (Enter skips a question, Ctrl-D stops):")
        func field(_ question: String) -> String?? {
            guard let answer = Terminal.ask(question) else { return .none }
            return .some(answer.isEmpty ? nil : answer)
        }
        func list(_ question: String) -> [String]? {
            var items: [String] = []
            while let answer = Terminal.ask(question), !answer.isEmpty { items.append(answer) }
            return items.isEmpty ? nil : items
        }
        guard case .some(let summary) = field("In brief, what was this meeting about?") else { return nil }
        parameters.summary = summary
        parameters.commitments = list("A commitment (owner: text by YYYY-MM-DD; empty line to finish):")?
            .map(commitment)
        parameters.topics = list("A topic left open (empty line to finish):")
        if case .some(let next) = field("When do you meet next?") { parameters.nextStart = next }
        if case .some(let goal) = field("What is that meeting for?") { parameters.nextGoal = goal }
        if case .some(let reflection) = field("One thing to remember:") { parameters.reflection = reflection }
        if case .some(let rating) = field("How useful was it (1-5)?") {
            parameters.usefulness = rating.flatMap { Int($0) }
        }
        if case .some(let rating) = field("How is the relationship (1-5)?") {
            parameters.relationshipRating = rating.flatMap { Int($0) }
        }
        return parameters
    }
}
