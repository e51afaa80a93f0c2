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
    /// How the active goal's success will be recognised, in the pair's words.
    public var successCriteria: String?
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
    /// The partner's own open commitments that are overdue or fall due soon after this meeting,
    /// one line each: the next card asks how to check in on them. They may also be in
    /// ``openActions``: the check-in question is about following up, not about the list.
    public var partnerDue: [String]
    /// What the user, as mentor, offered and has not delivered yet ("an introduction to Kim").
    public var offers: [String]
    /// The last meeting's capture, in brief: a sentence or two.
    public var lastSummary: String?
    /// The goal agreed at the last meeting for this one; it is this meeting's default purpose.
    public var nextMeetingGoal: String?
    /// The relationship's phase, which adds at most one question of its own to a step.
    public var phase: Phase?
    /// Whether the relationship is due for a review (see ``PhaseReview``): the Plan card then asks to
    /// re-rate the goals and decide the phase.
    public var reviewDue: Bool
    /// Where the generic questions start their turn when there are more than fit: the meeting's
    /// number in the relationship (how many occurrences came before it), so each meeting starts one
    /// further along than the last, whatever the cadence, and one occurrence always reads the same.
    /// Any value works, negative ones too.
    public var rotation: Int

    /// Creates a context; everything left out is treated as unknown.
    public init(
        partner: String? = nil, goal: String? = nil, successCriteria: String? = nil, daysLeft: Int? = nil,
        openActions: [String] = [], staleItems: [String] = [], parkedTopics: [String] = [],
        partnerDue: [String] = [], offers: [String] = [], lastSummary: String? = nil,
        nextMeetingGoal: String? = nil, phase: Phase? = nil, reviewDue: Bool = false, rotation: Int = 0
    ) {
        self.partner = partner
        self.goal = goal
        self.successCriteria = successCriteria
        self.daysLeft = daysLeft
        self.openActions = openActions
        self.staleItems = staleItems
        self.parkedTopics = parkedTopics
        self.partnerDue = partnerDue
        self.offers = offers
        self.lastSummary = lastSummary
        self.nextMeetingGoal = nextMeetingGoal
        self.phase = phase
        self.reviewDue = reviewDue
        self.rotation = rotation
    }
}
