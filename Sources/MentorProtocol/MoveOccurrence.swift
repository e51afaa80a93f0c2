/// `io.mentord.MoveOccurrence`: moves one occurrence of a series.
public enum MoveOccurrence: VarlinkMethod {
    public static let name = "io.mentord.MoveOccurrence"
    public typealias Reply = Wire.OccurrenceReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64
        public var occurrence: String
        public var to: String
        /// Accept a new start in the past, to record when the occurrence really happened.
        public var past: Bool?

        public init(id: Int64, occurrence: String, to: String, past: Bool? = nil) {
            self.id = id
            self.occurrence = occurrence
            self.to = to
            self.past = past
        }
    }
}
