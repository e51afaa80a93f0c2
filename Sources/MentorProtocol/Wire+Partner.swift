extension Wire {
    /// `type PartnerCandidate`: one partner an ambiguous name could mean.
    public struct PartnerCandidate: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Role
        public var relationshipId: Int64
        public var meetingId: Int64?

        public init(partner: String, role: Role, relationshipId: Int64, meetingId: Int64? = nil) {
            self.partner = partner
            self.role = role
            self.relationshipId = relationshipId
            self.meetingId = meetingId
        }

        /// `Sam Lee (mentee, meeting 4)`, `Samira Khan (mentor, relationship 2)`.
        public var label: String {
            "\(partner) (\(role.rawValue), " + (meetingId.map { "meeting \($0)" } ?? "relationship \(relationshipId)")
                + ")"
        }
    }

    /// `type MeetingChoice`: which of a partner's meetings a name stands for.
    public enum MeetingChoice: String, Codable, Sendable, Hashable, CaseIterable {
        /// The occurrence under way, else the next one.
        case next
        /// The latest started occurrence without a capture, else the next one.
        case capture
    }
}
