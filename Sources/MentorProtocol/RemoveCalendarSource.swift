/// `io.mentord.RemoveCalendarSource`: stops following a calendar; its meetings go, their history stays.
public enum RemoveCalendarSource: VarlinkMethod {
    public static let name = "io.mentord.RemoveCalendarSource"

    public struct Parameters: Codable, Sendable, Hashable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var deleted: Int
        public var kept: Int

        public init(deleted: Int, kept: Int) {
            self.deleted = deleted
            self.kept = kept
        }
    }
}
