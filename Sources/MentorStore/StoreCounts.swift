/// Sizes of what is stored, for status output.
public struct StoreCounts: Sendable, Hashable {
    /// Every meeting, cancelled and past included.
    public var meetings: Int
    /// Scheduled meetings that have not ended yet.
    public var upcomingMeetings: Int
    /// Every relationship.
    public var relationships: Int

    public init(meetings: Int, upcomingMeetings: Int, relationships: Int) {
        self.meetings = meetings
        self.upcomingMeetings = upcomingMeetings
        self.relationships = relationships
    }
}
