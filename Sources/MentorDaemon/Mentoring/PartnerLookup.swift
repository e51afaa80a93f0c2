import MentorCore
import MentorProtocol
import MentorStore

/// The relationship a partner's name means, however the user typed it (``PartnerMatch``): every
/// method that takes a partner goes through here, so a first name or a unique start works the
/// same in `history`, `goal add`, `export` and `capture`.
struct PartnerLookup: Sendable {
    let relationships: RelationshipStore

    /// Every relationship of the closest kind of match, in `role` when one is given.
    func candidates(_ name: String, role: Role?) async throws -> [Relationship] {
        let known = try await relationships.list().filter { role == nil || $0.role == role }
        return PartnerMatch.best(name, in: known) { $0.partner }
    }

    /// The one relationship `name` means. Nobody: `NoSuchPartner`; one person in both roles:
    /// `AmbiguousPartner` (say which role); several people: `AmbiguousName`, listing them.
    func relationship(_ name: String, role: Role?) async throws -> Relationship {
        let found = try await candidates(name, role: role)
        guard let first = found.first else { throw MentordError.noSuchPartner(partner: name) }
        guard found.count > 1 else { return first }
        if Self.onePerson(found) { throw MentordError.ambiguousPartner(partner: first.partner) }
        throw MentordError.ambiguousName(name: name, candidates: found.map { Self.candidate($0) })
    }

    /// The name a new meeting's partner is stored under: the stored name of the one person whose
    /// full name or one of its words is `name` ("aiko" for Aiko Tanaka), else `name` as typed, a
    /// new partner. A start of a name is not enough here: "Sam" may well be someone new beside
    /// Samira.
    func name(forNewMeetingWith name: String) async throws -> String {
        let found = PartnerMatch.best(name, in: try await relationships.list(), loosest: .word) { $0.partner }
        guard let first = found.first else { return name }
        guard Self.onePerson(found) else {
            throw MentordError.ambiguousName(name: name, candidates: found.map { Self.candidate($0) })
        }
        return first.partner
    }

    /// The wire form of a candidate, with the meeting a lookup would have picked if there is one.
    static func candidate(_ relationship: Relationship, meetingID: Int64? = nil) -> Wire.PartnerCandidate {
        Wire.PartnerCandidate(
            partner: relationship.partner, role: Wire.Role(relationship.role), relationshipId: relationship.id,
            meetingId: meetingID)
    }

    /// Whether the relationships are all with one person (their names fold alike).
    static func onePerson(_ relationships: [Relationship]) -> Bool {
        Set(relationships.map { PartnerMatch.folded($0.partner) }).count == 1
    }
}
