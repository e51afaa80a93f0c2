/// `io.mentord.MoveOccurrence`: moves one occurrence of a series.
public enum MoveOccurrence: VarlinkMethod {
    public static let name = "io.mentord.MoveOccurrence"
    public typealias Reply = Wire.MeetingReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64
        public var occurrence: String
        public var to: String

        public init(id: Int64, occurrence: String, to: String) {
            self.id = id
            self.occurrence = occurrence
            self.to = to
        }
    }
}
