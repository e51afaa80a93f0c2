import Foundation

/// Something the mentor offered the mentee: a resource to share or a person to introduce.
///
/// Offers are easy to make and to forget; keeping them lets the mentor's Plan step ask what is
/// still to be delivered.
public struct Offer: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationshipID: Int64
    public var kind: OfferKind
    /// What was offered, in one line ("Intro to Priya, staff engineer on payments").
    public var description: String
    public var status: OfferStatus
    public var createdAt: Date
    /// When it was delivered; nil while only offered.
    public var deliveredAt: Date?

    public init(
        id: Int64, relationshipID: Int64, kind: OfferKind, description: String, status: OfferStatus = .offered,
        createdAt: Date, deliveredAt: Date? = nil
    ) {
        self.id = id
        self.relationshipID = relationshipID
        self.kind = kind
        self.description = description
        self.status = status
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// This offer with its description trimmed, or the rule it breaks.
    public func validated() throws(MeetingValidationError) -> Offer {
        var copy = self
        copy.description = try FieldRules.requiredLine(
            description, field: "description", limit: MentoringLimits.itemLength)
        return copy
    }
}

/// What kind of help a mentor offered.
public enum OfferKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A book, article, course, template, tool.
    case resource
    /// A person to meet.
    case introduction
}

/// Whether an offer has been made good.
public enum OfferStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case offered
    case delivered
}
