import Foundation

/// A mentoring relationship: the partner, the user's role with them, and what carries from one
/// meeting to the next at the level of the relationship.
///
/// A relationship is identified by the partner's name (compared case-insensitively) and the role, so
/// "Sam as my mentor" and "Sam as my mentee" are two relationships.
public struct Relationship: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var partner: String
    public var role: Role
    public var createdAt: Date
    /// How often the pair meet, as agreed, in the user's words ("weekly", "every 2 weeks"); empty if
    /// not said. Informative only: the meetings' own rules decide when reminders fire.
    public var cadence: String
    /// The day the relationship started, `YYYY-MM-DD`, or empty if not said.
    public var startedOn: String
    /// Where the relationship stands now; ``PhaseChange`` keeps the dated history.
    public var phase: Phase
    /// Per-step offsets that replace the global policy for this relationship's meetings (nil turns a
    /// step off); a meeting's own overrides take precedence.
    public var reminderOverrides: [Step: Int?]
    /// The partner's e-mail address, lower case, or empty: how a calendar event's attendees find the
    /// relationship.
    public var email: String

    public init(
        id: Int64, partner: String, role: Role, createdAt: Date, cadence: String = "", startedOn: String = "",
        phase: Phase = .initiation, reminderOverrides: [Step: Int?] = [:], email: String = ""
    ) {
        self.id = id
        self.partner = partner
        self.role = role
        self.createdAt = createdAt
        self.cadence = cadence
        self.startedOn = startedOn
        self.phase = phase
        self.reminderOverrides = reminderOverrides
        self.email = email
    }

    /// This relationship with its text fields trimmed, or the first rule a field breaks.
    public func validated() throws(MeetingValidationError) -> Relationship {
        var copy = self
        copy.partner = try FieldRules.requiredLine(partner, field: "partner", limit: MeetingLimits.partnerLength)
        copy.cadence = try FieldRules.line(cadence, field: "cadence", limit: MentoringLimits.cadenceLength)
        copy.startedOn = try FieldRules.day(startedOn, field: "startedOn")
        copy.email = try FieldRules.email(email, field: "email")
        return copy
    }
}
