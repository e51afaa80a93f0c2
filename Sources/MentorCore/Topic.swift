import Foundation

/// A topic parked for another meeting: the parking lot, carried until discussed or dropped.
public struct Topic: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationshipID: Int64
    /// The meeting occurrence where it was parked; nil when added between meetings or once that
    /// meeting is deleted.
    public var origin: MeetingOccurrence?
    /// The topic, in one line.
    public var text: String
    public var status: ItemStatus
    public var createdAt: Date
    /// When it was marked done or dropped; nil while open.
    public var closedAt: Date?
    /// How many later meetings of the relationship were captured while it stayed open (see
    /// ``ActionItem/timesCarried``).
    public var timesCarried: Int

    public init(
        id: Int64, relationshipID: Int64, origin: MeetingOccurrence? = nil, text: String, status: ItemStatus = .open,
        createdAt: Date, closedAt: Date? = nil, timesCarried: Int = 0
    ) {
        self.id = id
        self.relationshipID = relationshipID
        self.origin = origin
        self.text = text
        self.status = status
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.timesCarried = timesCarried
    }

    /// This topic with its text trimmed, or the rule it breaks.
    public func validated() throws(MeetingValidationError) -> Topic {
        var copy = self
        copy.text = try FieldRules.requiredLine(text, field: "text", limit: MentoringLimits.itemLength)
        return copy
    }
}
