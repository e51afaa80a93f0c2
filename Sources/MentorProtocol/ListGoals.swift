/// `io.mentord.ListGoals`: a relationship's learning goals, active first.
public enum ListGoals: VarlinkMethod {
    public static let name = "io.mentord.ListGoals"

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var all: Bool?

        public init(partner: String, role: Wire.Role? = nil, all: Bool? = nil) {
            self.partner = partner
            self.role = role
            self.all = all
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var goals: [Wire.Goal]

        public init(goals: [Wire.Goal] = []) {
            self.goals = goals
        }
    }
}
