import MentorProtocol

/// A Markdown record of mentoring relationships: details, phase, goals, offers, each meeting's
/// answers and capture, and what is still open.
///
/// A pure function of wire values: no I/O, no clock. A shareable export, made to send to the
/// partner, holds only what the two agreed on (each meeting's summary, commitments, topics left
/// open, the next date and its goal, and what is still open) and says so at the top: never prep
/// answers, reflections, ratings, feedback notes, private notes, the phase history's notes, goals'
/// criteria or a mentor's offers.
public enum MarkdownExport {
    /// What is exported of one relationship.
    public struct Section: Sendable {
        /// `GetRelationship`'s reply: details, phase history, goals, offers, open items.
        public var details: GetRelationship.Reply
        /// `GetHistory`'s entries, oldest first.
        public var history: [Wire.HistoryEntry]
        /// Every item of the relationship, closed ones too, to list each capture's commitments and
        /// topics (a capture does not carry them: they live on as items).
        public var items: [Wire.Item]

        public init(details: GetRelationship.Reply, history: [Wire.HistoryEntry], items: [Wire.Item]) {
            self.details = details
            self.history = history
            self.items = items
        }
    }

    /// The document.
    /// - Parameters:
    ///   - exportedOn: the day of the export, `YYYY-MM-DD`.
    ///   - zone: the user's zone, whose days and clock the document's dates and times are in.
    public static func render(_ sections: [Section], shareable: Bool, exportedOn: String, in zone: UserZone = .utc)
        -> String
    {
        var blocks = ["# Mentoring notes", "Exported from mentord on \(exportedOn)."]
        if shareable {
            blocks[1] +=
                " Shareable export: only what both of you agreed on (summaries, commitments, topics left open,"
                + " the next meeting and its goal)."
        }
        if sections.isEmpty { blocks.append("No relationships.") }
        for section in sections {
            blocks += relationship(section, shareable: shareable, in: zone)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The blocks of one relationship, its heading first.
    public static func relationship(_ section: Section, shareable: Bool, in zone: UserZone = .utc) -> [String] {
        let details = section.details
        let relationship = details.relationship
        var facts = ["Phase: \(relationship.phase.rawValue)"]
        if !relationship.cadence.isEmpty { facts.append("Cadence: \(escape(relationship.cadence))") }
        if !relationship.startedOn.isEmpty { facts.append("Since: \(relationship.startedOn)") }
        if shareable {
            var blocks = ["## \(escape(relationship.partner))", "### Meetings"]
            let captured = section.history.filter { $0.capture != nil }
            if captured.isEmpty { blocks.append("No captures recorded yet.") }
            for entry in captured {
                blocks += meeting(entry, items: section.items, shareable: true, in: zone)
            }
            return blocks + ["### Open items", list(details.items.map(item))]
        }
        var blocks = [
            "## \(escape(relationship.partner)) (you are the \(relationship.role.rawValue))",
            list(facts),
            "### Phase history",
            list(
                details.phases.map { change in
                    "\(HouseTime.day(change.changedAt, in: zone)): \(change.phase.rawValue)"
                        + (change.note.isEmpty ? "" : ". \(escape(change.note))")
                }),
            "### Goals",
            list(details.goals.map(goal)),
            "### Offers",
            list(details.offers.map { offer($0, in: zone) }),
            "### Meetings",
        ]
        if section.history.isEmpty {
            blocks.append("No answers or captures recorded yet.")
        }
        for entry in section.history {
            blocks += meeting(entry, items: section.items, shareable: shareable, in: zone)
        }
        blocks += ["### Open items", list(details.items.map(item))]
        return blocks
    }

    /// One meeting occurrence: heading, answers by step (never in a shareable export), capture.
    public static func meeting(
        _ entry: Wire.HistoryEntry, items: [Wire.Item], shareable: Bool, in zone: UserZone = .utc
    ) -> [String] {
        var blocks = ["#### \(DisplayText.when(entry.localStart)): \(escape(entry.title))"]
        for (step, answers) in HistoryText.answersByStep(shareable ? [] : entry.answers) {
            blocks.append("**\(step.title)**")
            blocks.append(list(answers.map { "*\(escape($0.prompt))*\\\n" + lines($0.answer) }))
        }
        if let capture = entry.capture {
            let occurrence = UTCTimestamp.epochSeconds(entry.occurrence)
            let recorded = items.filter { item in
                item.originMeetingId == entry.meetingId
                    && item.originOccurrence.flatMap(UTCTimestamp.epochSeconds) == occurrence
            }
            blocks.append("**\(shareable ? "Agreed" : "Capture")** (\(HouseTime.day(capture.capturedAt, in: zone)))")
            blocks.append(list(captureLines(capture, recorded: recorded, shareable: shareable, in: zone)))
        }
        return blocks
    }

    /// The filled-in parts of a capture, with the commitments and topics it recorded; shareable,
    /// only the parts the two agreed on.
    public static func captureLines(
        _ capture: Wire.Capture, recorded: [Wire.Item], shareable: Bool, in zone: UserZone = .utc
    ) -> [String] {
        var entries: [String] = []
        func add(_ label: String, _ text: String) {
            if !text.isEmpty { entries.append("\(label): \(Self.lines(text))") }
        }
        add("Summary", capture.summary)
        let commitments = recorded.filter { $0.kind == "action" }.map(commitment)
        if !commitments.isEmpty { entries.append("Commitments:\n" + list(commitments)) }
        let topics = recorded.filter { $0.kind == "topic" }.map { escape($0.text) + closed($0) }
        if !topics.isEmpty { entries.append("Left open:\n" + list(topics)) }
        if !shareable {
            add("Reflection", capture.reflection)
            add("Ratings", HistoryText.ratings(capture))
            add("Feedback given", capture.feedbackGiven)
            add("Feedback received", capture.feedbackReceived)
        }
        add("Next meeting", capture.nextStart.map { HouseTime.when($0, in: zone) } ?? "")
        add("Next goal", capture.nextGoal)
        if !shareable { add("Private note", capture.privateNote) }
        return entries
    }

    /// `Give a talk (active, by 2026-10-01). Success: talk given.`
    public static func goal(_ goal: Wire.Goal) -> String {
        let state = [goal.status, goal.targetDate.isEmpty ? "" : "by \(goal.targetDate)"].filter { !$0.isEmpty }
        return "\(escape(goal.statement)) (\(state.joined(separator: ", ")))"
            + (goal.successCriteria.isEmpty ? "" : ". Success: \(escape(goal.successCriteria))")
    }

    /// `Resource: the book (delivered 2026-01-20)`.
    public static func offer(_ offer: Wire.Offer, in zone: UserZone = .utc) -> String {
        let when = offer.deliveredAt.map { " \(HouseTime.day($0, in: zone))" } ?? ""
        return "\(DisplayText.capitalized(offer.kind)): \(escape(offer.description)) (\(offer.status)\(when))"
    }

    /// `Action 3: draft the proposal (partner, due 2026-05-01, carried 2x)`.
    public static func item(_ item: Wire.Item) -> String {
        let notes = [
            item.owner, item.dueOn.isEmpty ? "" : "due \(item.dueOn)",
            item.timesCarried == 0 ? "" : "carried \(item.timesCarried)x",
        ].filter { !$0.isEmpty }
        return "\(DisplayText.capitalized(item.kind)) \(item.id): \(escape(item.text))"
            + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    /// `partner: draft the proposal, due 2026-05-01 (done)`.
    public static func commitment(_ item: Wire.Item) -> String {
        (item.owner.isEmpty ? "" : "\(item.owner): ") + escape(item.text)
            + (item.dueOn.isEmpty ? "" : ", due \(item.dueOn)") + closed(item)
    }

    /// ` (done)` or ` (dropped)` for a closed item; empty for an open one.
    public static func closed(_ item: Wire.Item) -> String {
        item.status == "open" ? "" : " (\(item.status))"
    }

    /// User text as literal Markdown: the characters Markdown (or the HTML it allows) gives a
    /// meaning inline are backslash-escaped, and so are those that start a block at the start of a
    /// line, so a title cannot become a heading, a link, an image that loads from elsewhere, or raw
    /// HTML in a file that is shared. Ordinary punctuation is left alone, to keep the file readable.
    public static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // Every character escaped here is ASCII: a line without any is kept as it is, which
            // spares a character-by-character copy of long answers.
            var escaped = ""
            if line.utf8.contains(where: { Self.escapedBytes.contains($0) }) {
                for character in line {
                    if "\\`*_[]<>|~&".contains(character) { escaped.append("\\") }
                    escaped.append(character)
                }
            } else {
                escaped = String(line)
            }
            // Block markers count only at the start of a line: "# ", "- ", "+ ", "=", "1. ".
            if let first = escaped.first, "#-+=".contains(first) { escaped = "\\" + escaped }
            let digits = escaped.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let marker = escaped.dropFirst(digits.count).first, ".)".contains(marker) {
                escaped = digits + "\\" + escaped.dropFirst(digits.count)
            }
            return escaped
        }.joined(separator: "\n")
    }

    /// A bulleted list, continuation lines indented under their bullet; `None.` when empty.
    /// The bytes of the characters ``escape(_:)`` puts a backslash before.
    private static let escapedBytes = Set("\\`*_[]<>|~&".utf8)

    public static func list(_ entries: [String]) -> String {
        guard !entries.isEmpty else { return "None." }
        return entries.map { entry in
            entry.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 ? "- " + line : line.isEmpty ? "" : "  " + line
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Text typed by the user with its line breaks kept: a break inside a paragraph becomes a hard
    /// break (a trailing backslash), which Markdown would otherwise join into one line.
    public static func lines(_ text: String) -> String {
        let lines = escape(text).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.map { index in
            let continues = index + 1 < lines.count && !lines[index].isEmpty && !lines[index + 1].isEmpty
            return lines[index] + (continues ? "\\" : "")
        }.joined(separator: "\n")
    }
}
