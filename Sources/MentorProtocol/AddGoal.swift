/// `io.mentord.AddGoal`: adds a learning goal to a relationship.
public enum AddGoal: VarlinkMethod {
    public static let name = "io.mentord.AddGoal"
    public typealias Reply = Wire.GoalReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var statement: String
        public var successCriteria: String?
        public var targetDate: String?

        public init(
            partner: String, role: Wire.Role? = nil, statement: String, successCriteria: String? = nil,
            targetDate: String? = nil
        ) {
            self.partner = partner
            self.role = role
            self.statement = statement
            self.successCriteria = successCriteria
            self.targetDate = targetDate
        }
    }
}
