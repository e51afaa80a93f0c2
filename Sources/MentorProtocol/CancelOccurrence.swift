/// `io.mentord.CancelOccurrence`: drops one occurrence of a series.
public enum CancelOccurrence: VarlinkMethod {
    public static let name = "io.mentord.CancelOccurrence"
    public typealias Reply = Wire.OccurrenceReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64
        public var occurrence: String

        public init(id: Int64, occurrence: String) {
            self.id = id
            self.occurrence = occurrence
        }
    }
}
