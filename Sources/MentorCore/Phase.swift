/// Where a mentoring relationship stands, after Kathy Kram's four phases.
///
/// The phase changes slowly, so it belongs to the relationship, not to a meeting. Phases can overlap
/// in life; the relationship records the one that best describes it now, and the prompt catalogue
/// adds at most one question for that phase to a step (see ``PromptCatalog``).
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
    /// The start: the pair get to know each other and agree on expectations, cadence and
    /// confidentiality.
    case initiation
    /// The working years: steady progress on learning goals, with stretch and feedback both ways.
    case cultivation
    /// The goals are met or the needs have changed: the mentee learns to go on alone and support is
    /// handed over.
    case separation
    /// Afterwards: the pair settle into a new, lighter relationship, closer to peers.
    case redefinition
}
