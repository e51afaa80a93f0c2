/// `io.mentord.SetItemStatus`: marks an action item or topic open, done or dropped.
public enum SetItemStatus: VarlinkMethod {
    public static let name = "io.mentord.SetItemStatus"
    public typealias Reply = Wire.ItemReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var kind: String
        public var id: Int64
        public var status: String

        public init(kind: String, id: Int64, status: String) {
            self.kind = kind
            self.id = id
            self.status = status
        }
    }
}
