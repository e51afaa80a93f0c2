import Foundation

/// A commitment made in or between meetings, carried from meeting to meeting until closed.
public struct ActionItem: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationshipID: Int64
    /// The meeting occurrence that agreed it; nil when added between meetings or once that meeting
    /// is deleted.
    public var origin: MeetingOccurrence?
    /// What is to be done, in one line.
    public var text: String
    public var owner: ItemOwner
    /// The day it is due, `YYYY-MM-DD`, or empty.
    public var dueOn: String
    public var status: ItemStatus
    public var createdAt: Date
    /// When it was marked done or dropped; nil while open.
    public var closedAt: Date?
    /// How many later meetings of the relationship were captured while it stayed open: after a few
    /// carries, the prompts ask whether it is still relevant. Derived by the store, never stored.
    public var timesCarried: Int

    public init(
        id: Int64, relationshipID: Int64, origin: MeetingOccurrence? = nil, text: String, owner: ItemOwner,
        dueOn: String = "", status: ItemStatus = .open, createdAt: Date, closedAt: Date? = nil, timesCarried: Int = 0
    ) {
        self.id = id
        self.relationshipID = relationshipID
        self.origin = origin
        self.text = text
        self.owner = owner
        self.dueOn = dueOn
        self.status = status
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.timesCarried = timesCarried
    }

    /// This item with its text trimmed, or the first rule a field breaks.
    public func validated() throws(MeetingValidationError) -> ActionItem {
        var copy = self
        copy.text = try FieldRules.requiredLine(text, field: "text", limit: MentoringLimits.itemLength)
        copy.dueOn = try FieldRules.day(dueOn, field: "dueOn")
        return copy
    }
}

/// Who took on an action item, seen from the user.
public enum ItemOwner: String, Sendable, Hashable, Codable, CaseIterable {
    /// The user.
    case me
    /// The other person in the relationship.
    case partner
    /// Both of them.
    case both
}
