import ArgumentParser
import MentorExport
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your mentoring notes as Markdown, or your upcoming meetings as an iCalendar file.",
        discussion: """
            --markdown writes, for each relationship (or just NAME): its phase and history, goals, \
            offers, every meeting with the answers and capture recorded for it (summary, commitments, \
            topics left open, reflection, ratings, feedback, private note) and what is still open. \
            --shareable keeps only what both of you agreed on (summaries, commitments, topics left \
            open, the next date and goal), to send the file to your partner: never prep answers, \
            reflections, ratings, feedback or private notes.

            --review writes 'mentorctl review NAME' as Markdown: each goal with its progress, the \
            commitments, the meetings against the cadence, the ratings over time, the phases \
            (--since for where it starts).

            --ics writes the meetings of the next --days days (default 30) as an RFC 5545 calendar: \
            one event per occurrence with one alarm per planned reminder step, for a phone or a \
            calendar app. Re-importing it updates the same events.

            -o writes a regular file, readable by you alone, and replaces it only once the whole \
            export is written (a full disk leaves the previous one as it was); device nodes, FIFOs, \
            directories and symbolic links are refused. Without -o, or with -o -, the export goes \
            to stdout.

            Examples:
              mentorctl export --markdown -o mentoring.md
              mentorctl export --markdown --shareable Sam -o sam.md
              mentorctl export --review Sam --since 13w -o sam-review.md
              mentorctl export --ics --days 90 -o ~/mentoring.ics
            """)

    /// What to write.
    enum Format: String, EnumerableFlag {
        case markdown
        case review
        case ics

        static func help(for value: Format) -> ArgumentHelp? {
            switch value {
            case .markdown: "Export notes as Markdown."
            case .review: "Export one relationship's review (mentorctl review) as Markdown."
            case .ics: "Export upcoming meetings and their reminders as iCalendar."
            }
        }
    }

    @Flag var format: Format

    @Flag(help: "Markdown: only what both of you agreed on, to send to your partner.")
    var shareable = false

    @Argument(
        help: ArgumentHelp("Markdown: only the relationship with this partner.", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(help: "Markdown: your role with the partner (needed only when you are both).")
    var role: Wire.Role?

    @Option(help: "Review: where it starts, a day (YYYY-MM-DD) or a span back (90d, 13w).")
    var since: String?

    @Option(help: "iCalendar: how many days ahead, 1 to 366 (default 30).")
    var days: Int?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file (- for stdout).", valueName: "file"))
    var output: String?

    @OptionGroup var client: ClientOptions

    func validate() throws {
        if client.json { throw ValidationError("export writes Markdown or iCalendar, not JSON") }
        if since != nil, format != .review { throw ValidationError("--since goes with --review") }
        switch format {
        case .markdown:
            if days != nil { throw ValidationError("--days goes with --ics") }
            if role != nil, partner == nil { throw ValidationError("--role goes with a partner's name") }
        case .review:
            if partner == nil { throw ValidationError("--review needs a partner's name") }
            if shareable { throw ValidationError("--shareable goes with --markdown") }
            if days != nil { throw ValidationError("--days goes with --ics") }
        case .ics:
            if shareable { throw ValidationError("--shareable goes with --markdown") }
            if partner != nil || role != nil {
                throw ValidationError("--ics exports every relationship's meetings: leave out the name and --role")
            }
            if let days, !(1...366).contains(days) { throw ValidationError("--days must be from 1 to 366") }
        }
    }

    func run() throws {
        try reportingFailures {
            let connection = try DaemonClient.connection(client)
            let now = Int64(time(nil))
            let text =
                switch format {
                case .markdown:
                    MarkdownExport.render(
                        try markdownSections(connection), shareable: shareable, exportedOn: UserTime.today,
                        in: UserTime.zone)
                case .review:
                    ReviewText.markdown(
                        try connection.call(GetReview.self, .init(partner: partner ?? "", role: role, since: since)),
                        exportedOn: UserTime.today, in: UserTime.zone)
                case .ics: try calendar(connection, now: now)
                }
            try OutputFile.write(text, to: output)
        }
    }

    /// The relationships to export, each with its details, history and items.
    private func markdownSections(_ connection: VarlinkConnection) throws -> [MarkdownExport.Section] {
        let identifiers =
            if let partner {
                [RelationshipIdentifier(partner: partner, role: role)]
            } else {
                try connection.call(ListRelationships.self, NoParameters()).relationships.map {
                    RelationshipIdentifier(partner: $0.partner, role: $0.role)
                }
            }
        return try identifiers.map { identifier in
            let details = try connection.call(GetRelationship.self, identifier)
            // Named by the stored partner and role, so the next calls cannot be ambiguous.
            let stored = RelationshipIdentifier(
                partner: details.relationship.partner, role: details.relationship.role)
            let history = try HistoryPages.all(stored, from: connection)
            let items = try connection.call(
                ListItems.self, .init(partner: stored.partner, role: stored.role, all: true))
            return MarkdownExport.Section(details: details, history: history.entries, items: items.items)
        }
    }

    /// The upcoming occurrences as a calendar, with each meeting's purpose.
    private func calendar(_ connection: VarlinkConnection, now: Int64) throws -> String {
        var occurrences: [Wire.Occurrence] = []
        try connection.upcoming(from: nil, days: days ?? 30) { occurrences += $0 }
        var purposes: [Int64: String] = [:]
        for id in Set(occurrences.map(\.meetingId)) {
            purposes[id] = try connection.call(GetMeeting.self, MeetingIdentifier(id: id)).meeting.purpose
        }
        return CalendarExport.render(occurrences, purposes: purposes, now: now)
    }
}
