import MentorCore
import MentorProtocol
import MentorStore

extension RelationshipStore {
    /// `--with NAME [--role ROLE]` of `import` and `calendar add`: the role given, else the partner's
    /// one relationship; nil without a partner. A role without a partner, or a new partner without a
    /// role, is refused.
    func partnerChoice(_ name: String?, _ role: Role?) async throws -> (name: String, role: Role)? {
        guard let name else {
            if role != nil { throw VarlinkServiceError.invalidParameter(parameter: "partner") }
            return nil
        }
        let partner = try FieldRules.requiredLine(name, field: "partner", limit: MeetingLimits.partnerLength)
        if let role { return (partner, role) }
        do {
            let known = try await relationship(named: partner)
            return (known.partner, known.role)
        } catch StoreError.noSuchPartner {
            throw StoreError.roleRequired(partner: partner)
        }
    }
}
