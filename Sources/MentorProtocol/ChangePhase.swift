/// `io.mentord.ChangePhase`: moves a relationship into a phase and records the change.
public enum ChangePhase: VarlinkMethod {
    public static let name = "io.mentord.ChangePhase"
    public typealias Reply = Wire.RelationshipReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var phase: Wire.Phase
        public var note: String?

        public init(partner: String, role: Wire.Role? = nil, phase: Wire.Phase, note: String? = nil) {
            self.partner = partner
            self.role = role
            self.phase = phase
            self.note = note
        }
    }
}
