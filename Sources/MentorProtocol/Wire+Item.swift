extension Wire {
    /// `type Item`: an action item (`kind` action) or a parked topic (`kind` topic), carried from
    /// meeting to meeting while `status` is open.
    public struct Item: Codable, Sendable, Hashable {
        public var id: Int64
        public var kind: String
        public var relationshipId: Int64
        public var partner: String
        public var text: String
        public var owner: String
        public var dueOn: String
        public var status: String
        public var timesCarried: Int
        public var originMeetingId: Int64?
        public var originOccurrence: String?
        public var createdAt: String

        public init(
            id: Int64, kind: String, relationshipId: Int64, partner: String, text: String, owner: String = "",
            dueOn: String = "", status: String, timesCarried: Int = 0, originMeetingId: Int64? = nil,
            originOccurrence: String? = nil, createdAt: String
        ) {
            self.id = id
            self.kind = kind
            self.relationshipId = relationshipId
            self.partner = partner
            self.text = text
            self.owner = owner
            self.dueOn = dueOn
            self.status = status
            self.timesCarried = timesCarried
            self.originMeetingId = originMeetingId
            self.originOccurrence = originOccurrence
            self.createdAt = createdAt
        }
    }

    /// `type Commitment`: who does what by when, as recorded at capture.
    public struct Commitment: Codable, Sendable, Hashable {
        public var text: String
        public var owner: String?
        public var dueOn: String?

        public init(text: String, owner: String? = nil, dueOn: String? = nil) {
            self.text = text
            self.owner = owner
            self.dueOn = dueOn
        }
    }

    /// The reply of every method that returns one action item or topic.
    public struct ItemReply: Codable, Sendable, Hashable {
        public var item: Item

        public init(item: Item) {
            self.item = item
        }
    }
}
