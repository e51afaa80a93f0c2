/// `io.mentord.ListItems`: action items or topics, oldest first; open ones unless `all`.
public enum ListItems: VarlinkMethod {
    public static let name = "io.mentord.ListItems"

    public struct Parameters: Codable, Sendable, Hashable {
        public var kind: String?
        public var partner: String?
        public var role: Wire.Role?
        public var all: Bool?

        public init(kind: String? = nil, partner: String? = nil, role: Wire.Role? = nil, all: Bool? = nil) {
            self.kind = kind
            self.partner = partner
            self.role = role
            self.all = all
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var items: [Wire.Item]

        public init(items: [Wire.Item] = []) {
            self.items = items
        }
    }
}
