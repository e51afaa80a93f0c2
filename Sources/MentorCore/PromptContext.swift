/// What the mentoring loop knows when it asks a step's questions: the data carried over from earlier
/// meetings that a prompt template may show.
///
/// Every field is optional or empty by default, and a template that needs a field with nothing in it
/// is left out (see ``PromptCatalog/prompts(for:as:context:)``), so an empty context gives the
/// generic prompts. Whitespace-only strings and list items count as empty.
///
/// The list fields hold items already rendered as one line each by the caller, who knows owners and
/// dates; the catalogue only joins them. Give each item to one list only, or it is shown twice.
public struct PromptContext: Sendable, Hashable {
    /// The partner's name, as the user calls them.
    public var partner: String?
    /// The relationship's active learning goal, as its statement.
    public var goal: String?
    /// Days until the active goal's target date: 0 when it is due today, negative once it is overdue.
    public var daysLeft: Int?
    /// Open action items, one line each, for example "Send the draft (me, due 12 Dec, carried 1×)".
    public var openActions: [String]
    /// Actions or parked topics carried three times or more, one line each. The prompt that shows
    /// them asks whether they are still relevant, so leave them out of ``openActions`` and
    /// ``parkedTopics``.
    public var staleItems: [String]
    /// Topics parked for another time in earlier meetings.
    public var parkedTopics: [String]
    /// The last meeting's capture, in brief: a sentence or two.
    public var lastSummary: String?
    /// The goal agreed at the last meeting for this one; it is this meeting's default purpose.
    public var nextMeetingGoal: String?
    /// The relationship's phase, which adds at most one question of its own to a step.
    public var phase: Phase?

    /// Creates a context; everything left out is treated as unknown.
    public init(
        partner: String? = nil, goal: String? = nil, daysLeft: Int? = nil, openActions: [String] = [],
        staleItems: [String] = [], parkedTopics: [String] = [], lastSummary: String? = nil,
        nextMeetingGoal: String? = nil, phase: Phase? = nil
    ) {
        self.partner = partner
        self.goal = goal
        self.daysLeft = daysLeft
        self.openActions = openActions
        self.staleItems = staleItems
        self.parkedTopics = parkedTopics
        self.lastSummary = lastSummary
        self.nextMeetingGoal = nextMeetingGoal
        self.phase = phase
    }
}
