/// `io.mentord.AddItem`: adds an action item or a parked topic to a relationship by hand.
public enum AddItem: VarlinkMethod {
    public static let name = "io.mentord.AddItem"
    public typealias Reply = Wire.ItemReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var kind: String
        public var partner: String
        public var role: Wire.Role?
        public var text: String
        public var owner: String?
        public var dueOn: String?

        public init(
            kind: String, partner: String, role: Wire.Role? = nil, text: String, owner: String? = nil,
            dueOn: String? = nil
        ) {
            self.kind = kind
            self.partner = partner
            self.role = role
            self.text = text
            self.owner = owner
            self.dueOn = dueOn
        }
    }
}
