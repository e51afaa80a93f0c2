/// `io.mentord.SetGoalStatus`: marks a learning goal active, done or dropped.
public enum SetGoalStatus: VarlinkMethod {
    public static let name = "io.mentord.SetGoalStatus"
    public typealias Reply = Wire.GoalReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64
        public var status: String

        public init(id: Int64, status: String) {
            self.id = id
            self.status = status
        }
    }
}
