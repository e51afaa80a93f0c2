/// A slot in a prompt template that the mentoring loop fills from a ``PromptContext``.
///
/// The raw value is the name written between braces in template text, as in `{open_actions}`.
public enum PromptPlaceholder: String, Sendable, Hashable, CaseIterable {
    /// ``PromptContext/partner``.
    case partner
    /// ``PromptContext/goal``.
    case goal
    /// ``PromptContext/successCriteria``.
    case successCriteria = "success_criteria"
    /// ``PromptContext/daysLeft`` as a phrase: "12 days left", "1 day left", "due today",
    /// "3 days overdue". Templates put it in parentheses after the goal, where every form reads well.
    case daysLeft = "days_left"
    /// ``PromptContext/openActions``, joined on one line (see ``listLimit``).
    case openActions = "open_actions"
    /// ``PromptContext/staleItems``, joined on one line.
    case staleItems = "stale_items"
    /// ``PromptContext/parkedTopics``, joined on one line.
    case parkedTopics = "parked_topics"
    /// ``PromptContext/partnerDue``, joined on one line.
    case partnerDue = "partner_due"
    /// ``PromptContext/offers``, joined on one line.
    case offers
    /// ``PromptContext/lastSummary``.
    case lastSummary = "last_summary"
    /// ``PromptContext/nextMeetingGoal``.
    case nextMeetingGoal = "next_meeting_goal"
    /// ``PromptContext/phase``, by name: "cultivation".
    case phase

    /// How many items of a list are shown; the rest are counted ("; and 2 more").
    ///
    /// A prompt is one line of a notification, so a long list would push the question itself out of
    /// sight; the full list is one `mentorctl` command away.
    public static let listLimit = 3

    /// The placeholder as written in template text, braces included.
    public var token: String { "{\(rawValue)}" }

    /// Whether the placeholder shows data carried over from earlier meetings.
    ///
    /// The partner's name and the phase do not: they make a generic question personal but add
    /// nothing to review, so a template that uses only them is ranked with the generic prompts.
    public var carriesForward: Bool { self != .partner && self != .phase }

    /// The text that replaces the placeholder, or nil when the context has nothing for it.
    ///
    /// Text is put on one line (runs of white space, newlines included, become one space), and a
    /// trailing full stop, comma, colon or semicolon is dropped because templates bring their own
    /// punctuation after a placeholder. List items are joined with "; ", which reads as one line in
    /// a notification where bullets or line breaks would not.
    public func text(in context: PromptContext) -> String? {
        switch self {
        case .partner: Self.line(context.partner)
        case .goal: Self.line(context.goal)
        case .successCriteria: Self.line(context.successCriteria)
        case .daysLeft: context.daysLeft.map(Self.phrase(daysLeft:))
        case .openActions: Self.list(context.openActions)
        case .staleItems: Self.list(context.staleItems)
        case .parkedTopics: Self.list(context.parkedTopics)
        case .partnerDue: Self.list(context.partnerDue)
        case .offers: Self.list(context.offers)
        case .lastSummary: Self.line(context.lastSummary)
        case .nextMeetingGoal: Self.line(context.nextMeetingGoal)
        case .phase: context.phase?.rawValue
        }
    }

    private static func phrase(daysLeft days: Int) -> String {
        switch days {
        case 0: "due today"
        case 1: "1 day left"
        case -1: "1 day overdue"
        case ..<0: "\(-days) days overdue"
        default: "\(days) days left"
        }
    }

    private static func list(_ items: [String]) -> String? {
        let lines = items.compactMap(line)
        guard !lines.isEmpty else { return nil }
        let shown = lines.prefix(listLimit).joined(separator: "; ")
        return lines.count > listLimit ? "\(shown); and \(lines.count - listLimit) more" : shown
    }

    private static func line(_ text: String?) -> String? {
        guard let text else { return nil }
        var line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = line.last, ".,;:".contains(last) { line.removeLast() }
        return line.isEmpty ? nil : line
    }
}
