/// `io.mentord.GetReview`: a relationship's progress over months.
public enum GetReview: VarlinkMethod {
    public static let name = "io.mentord.GetReview"

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var since: String?

        public init(partner: String, role: Wire.Role? = nil, since: String? = nil) {
            self.partner = partner
            self.role = role
            self.since = since
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var relationship: Wire.Relationship
        public var since: String
        public var until: String
        public var localSince: String
        public var localUntil: String
        public var goals: [Wire.GoalReview]
        public var commitments: Wire.CommitmentCounts
        public var meetings: Wire.MeetingCounts
        public var ratings: [Wire.RatingPoint]
        public var phases: [Wire.PhaseChange]
        public var reviewDue: Bool

        public init(
            relationship: Wire.Relationship, since: String, until: String, localSince: String, localUntil: String,
            goals: [Wire.GoalReview],
            commitments: Wire.CommitmentCounts, meetings: Wire.MeetingCounts, ratings: [Wire.RatingPoint],
            phases: [Wire.PhaseChange], reviewDue: Bool
        ) {
            self.relationship = relationship
            self.since = since
            self.until = until
            self.localSince = localSince
            self.localUntil = localUntil
            self.goals = goals
            self.commitments = commitments
            self.meetings = meetings
            self.ratings = ratings
            self.phases = phases
            self.reviewDue = reviewDue
        }
    }
}
