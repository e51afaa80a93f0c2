import MentorProtocol

/// The interactive capture: one question at a time, in the order a meeting's end goes, each
/// answer checked as it is typed and asked again when it cannot be used.
///
/// In order: each open item (one key: done, keep or drop), progress on each active goal (rated
/// too when a review is due), the summary, commitments (each echoed as read), topics left open,
/// the next date (read by the daemon, shown back) and its goal, a reflection, feedback given and
/// received, the two ratings, the phase when a review is due, and a private note in `$EDITOR`.
/// Nothing is sent until the end; Ctrl-D ends early and sends what was answered, Ctrl-C stops
/// and offers to keep a draft.
struct CaptureWalk {
    /// How the walk ended.
    enum Ending {
        /// Every question asked, or Ctrl-D: store what was answered.
        case finished
        /// Ctrl-C: nothing is stored.
        case interrupted
    }

    /// What the walk unwinds with when a question ends it.
    private enum Stop: Error {
        case finished
        case interrupted
    }

    private let daemon: DaemonClient
    private let prep: GetPrep.Reply
    /// What was typed before (a draft), offered as each answer's starting text.
    private let earlier: CaptureMeeting.Parameters?
    /// The answers so far, as the call they become.
    private(set) var answers: CaptureMeeting.Parameters

    /// A walk through the capture of `prep`'s occurrence, picking up `draft` if given.
    init(daemon: DaemonClient, prep: GetPrep.Reply, draft: CaptureMeeting.Parameters?) {
        self.daemon = daemon
        self.prep = prep
        earlier = draft
        answers = CaptureMeeting.Parameters(meetingId: prep.meeting.id, occurrence: prep.occurrence)
    }

    /// Asks everything; the answers are in ``answers`` whatever the ending.
    mutating func run() -> Ending {
        print(
            "Capture: \(prep.meeting.title) with \(prep.meeting.partner), \(UserTime.when(prep.localStart))"
                + " (meeting \(prep.meeting.id))")
        print("Enter skips a question, :e writes a long answer in $EDITOR, Ctrl-D stores what you have typed,")
        print("Ctrl-C stops (you can keep a draft).")
        do throws(Stop) {
            try openItems()
            try goals()
            answers.summary = try line("\nIn brief, what was this meeting about?\n>", earlier?.summary)
            try commitments()
            try topics()
            try next()
            answers.reflection = try line("\nOne thing you learned or want to keep in mind:\n>", earlier?.reflection)
            answers.feedbackGiven = try line("\nFeedback you gave, if any:\n>", earlier?.feedbackGiven)
            answers.feedbackReceived = try line("\nFeedback you received, if any:\n>", earlier?.feedbackReceived)
            answers.usefulness = try rating("\nHow useful was it, 1 to 5?", earlier?.usefulness)
            answers.relationshipRating = try rating("How is the relationship, 1 to 5?", earlier?.relationshipRating)
            try review()
            try privateNote()
        } catch {
            switch error {
            case .finished: return .finished
            case .interrupted: return .interrupted
            }
        }
        return .finished
    }

    // MARK: - The questions

    private mutating func openItems() throws(Stop) {
        let items = prep.context.openActions + prep.context.openTopics
        guard !items.isEmpty else { return }
        print("\nStill open (d done, k keep, x drop; Enter keeps):")
        var updates: [Wire.ItemUpdate] = []
        for item in items {
            let before = earlier?.itemUpdates?.first { $0.kind == item.kind && $0.id == item.id }?.status
            let details = [item.owner, item.dueOn.isEmpty ? "" : "due \(item.dueOn)"].filter { !$0.isEmpty }
            let label = "  \(item.text)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            let fallback: Character =
                switch before {
                case "done": "d"
                case "dropped": "x"
                default: "k"
                }
            guard
                let key = LineEditor.choose(prompt: label + "  [d/k/x] ", keys: ["d", "k", "x"], defaultKey: fallback)
            else { throw .interrupted }
            switch key {
            case "d": updates.append(Wire.ItemUpdate(kind: item.kind, id: item.id, status: "done"))
            case "x": updates.append(Wire.ItemUpdate(kind: item.kind, id: item.id, status: "dropped"))
            default: break
            }
        }
        answers.itemUpdates = updates.isEmpty ? nil : updates
    }

    private mutating func goals() throws(Stop) {
        let goals = prep.context.goals ?? []
        guard !goals.isEmpty else { return }
        let review = prep.context.reviewDue == true
        var progress: [Wire.GoalProgress] = []
        defer { answers.goalProgress = progress.isEmpty ? nil : progress }
        for goal in goals {
            let before = earlier?.goalProgress?.first { $0.goalId == goal.id }
            let criteria = goal.successCriteria.isEmpty ? "" : "\n  Success looks like: \(goal.successCriteria)"
            let note = try line("\nProgress on \"\(goal.statement)\"?\(criteria)\n>", before?.note) ?? ""
            var rating: Int?
            if review { rating = try self.rating("  How close is it now, 1 to 5?", before?.rating) }
            if !note.isEmpty || rating != nil {
                progress.append(Wire.GoalProgress(goalId: goal.id, note: note, rating: rating))
            }
        }
    }

    private mutating func commitments() throws(Stop) {
        print("\nCommitments, one per line: [me: | partner: | both: | \(firstName):] what [by YYYY-MM-DD or fri].")
        print("An empty line ends the list.")
        var list: [Wire.Commitment] = []
        defer { answers.commitments = list.isEmpty ? nil : list }
        var offered = earlier?.commitments.map { $0.map(Self.line) } ?? []
        var retry = ""
        while true {
            let initial = retry.isEmpty ? (offered.isEmpty ? "" : offered.removeFirst()) : retry
            guard let typed = try line("commitment>", initial) else { return }
            retry = ""
            do throws(CommitmentLine.Problem) {
                let read = try CommitmentLine.read(typed, partner: prep.meeting.partner, dayNamed: day(named:))
                print("  \(read.echo)")
                list.append(read.wire)
            } catch {
                switch error {
                case .unreadableDay(let day):
                    print("  '\(day)' is not a day mentord can read: write by YYYY-MM-DD, by fri or by tomorrow")
                case .empty:
                    print("  nothing to commit to there: say what will be done")
                }
                retry = typed
            }
        }
    }

    private mutating func topics() throws(Stop) {
        print("\nTopics left open for another time, one per line; an empty line ends the list.")
        var list: [String] = []
        defer { answers.topics = list.isEmpty ? nil : list }
        var offered = earlier?.topics ?? []
        while let topic = try line("topic>", offered.isEmpty ? "" : offered.removeFirst()) {
            list.append(topic)
        }
    }

    private mutating func next() throws(Stop) {
        var initial = earlier?.nextStart ?? ""
        while let typed = try line("\nWhen do you meet next? (Enter: as it is)\n>", initial) {
            do {
                let read = try daemon.call(ReadTime.self, .init(text: typed, meetingId: prep.meeting.id))
                print("  -> \(UserTime.when(read.local))")
                // The instant shown, not the words: "in 2h" read again at the end would be later.
                answers.nextStart = read.instant
                break
            } catch {
                print("  \(error.userMessage)")
                initial = typed
            }
        }
        answers.nextGoal = try line("\nWhat is that meeting for?\n>", earlier?.nextGoal)
    }

    private mutating func review() throws(Stop) {
        guard prep.context.reviewDue == true, let phase = prep.context.phase else { return }
        let phases = Wire.Phase.allCases.map(\.rawValue).joined(separator: ", ")
        var initial = earlier?.phase?.rawValue ?? ""
        while true {
            let typed = try line(
                "\nReview: stay in \(phase.rawValue), or move on? (\(phases); Enter stays)\n>", initial)
            guard let typed else {
                answers.phase = phase
                return
            }
            if let chosen = Wire.Phase.allCases.first(where: { $0.rawValue.hasPrefix(typed.lowercased()) }) {
                answers.phase = chosen
                return
            }
            print("  '\(typed)' is not a phase: \(phases)")
            initial = typed
        }
    }

    private mutating func privateNote() throws(Stop) {
        let before = earlier?.privateNote ?? ""
        let prompt = "\nAdd a private note, for you alone, in $EDITOR? [y/N] "
        guard let key = LineEditor.choose(prompt: prompt, keys: ["y", "n"], defaultKey: before.isEmpty ? "n" : "y")
        else { throw .interrupted }
        guard key == "y" else { return }
        let question =
            "A private note after \(prep.meeting.title) with \(prep.meeting.partner): never shared or exported."
        if let note = Terminal.edit(question, initial: before), !note.isEmpty {
            answers.privateNote = note
            print("  Private note kept (\(note.count) characters).")
        }
    }

    // MARK: - Asking

    /// A line; nil when skipped. Ctrl-D and Ctrl-C end the walk.
    private func line(_ question: String, _ initial: String?) throws(Stop) -> String? {
        switch Terminal.ask(question, initial: initial ?? "") {
        case .line(let text): return text.isEmpty ? nil : text
        case .endOfInput: throw .finished
        case .interrupted: throw .interrupted
        }
    }

    /// A rating from 1 to 5 (`4` or `4/5`), asked again until it is one; nil when skipped.
    private func rating(_ question: String, _ initial: Int?) throws(Stop) -> Int? {
        var offered = initial.map(String.init) ?? ""
        while let typed = try line(question, offered) {
            if let value = Self.rating(typed) { return value }
            print("  a rating is a whole number from 1 to 5 (4 or 4/5), not '\(typed)'")
            offered = typed
        }
        return nil
    }

    /// `4`, `4/5`, `4 / 5` -> 4; nil for anything else.
    static func rating(_ text: String) -> Int? {
        let number = text.split(separator: "/").first.map { String($0).trimmed } ?? ""
        if text.contains("/"), text.split(separator: "/").last.map({ String($0).trimmed }) != "5" { return nil }
        guard let value = Int(number), (1...5).contains(value) else { return nil }
        return value
    }

    /// The day a word names (`fri`, `tomorrow`), as the daemon reads it in the meeting's zone.
    private func day(named words: String) -> String? {
        let read = try? daemon.call(ReadTime.self, .init(text: "\(words) 12:00", meetingId: prep.meeting.id))
        return read.map { String($0.local.prefix(10)) }
    }

    private var firstName: String {
        prep.meeting.partner.split(separator: " ").first.map(String.init) ?? prep.meeting.partner
    }

    /// A commitment as it would be typed again: `partner: text by 2026-12-09`.
    static func line(_ commitment: Wire.Commitment) -> String {
        (commitment.owner.map { "\($0): " } ?? "") + commitment.text + (commitment.dueOn.map { " by \($0)" } ?? "")
    }
}
