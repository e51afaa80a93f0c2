/// Which meetings a listing returns.
public struct MeetingQuery: Sendable, Hashable {
    /// Include meetings that have already ended.
    public var includePast: Bool
    /// Include cancelled meetings.
    public var includeCancelled: Bool
    /// Only meetings with this partner (case-insensitive).
    public var partner: String?
    /// Only the meetings of this relationship.
    public var relationshipID: Int64?
    /// At most this many meetings, earliest first.
    public var limit: Int

    /// The most a single listing returns.
    public static let maximumLimit = 10_000

    public init(
        includePast: Bool = false, includeCancelled: Bool = false, partner: String? = nil,
        relationshipID: Int64? = nil, limit: Int = 1000
    ) {
        self.includePast = includePast
        self.includeCancelled = includeCancelled
        self.partner = partner
        self.relationshipID = relationshipID
        self.limit = min(max(limit, 0), Self.maximumLimit)
    }
}
