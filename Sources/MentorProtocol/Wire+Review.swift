extension Wire {
    /// `type GoalReview`: a goal with the progress noted on it.
    public struct GoalReview: Codable, Sendable, Hashable {
        public var goal: Goal
        public var progress: [GoalProgress]

        public init(goal: Goal, progress: [GoalProgress]) {
            self.goal = goal
            self.progress = progress
        }
    }

    /// `type CommitmentCounts`: what became of the commitments made in a span.
    public struct CommitmentCounts: Codable, Sendable, Hashable {
        public var made: Int
        public var kept: Int
        public var dropped: Int
        public var open: Int
        public var carried: Int

        public init(made: Int, kept: Int, dropped: Int, open: Int, carried: Int) {
            self.made = made
            self.kept = kept
            self.dropped = dropped
            self.open = open
            self.carried = carried
        }
    }

    /// `type MeetingCounts`: how a span's meetings went.
    public struct MeetingCounts: Codable, Sendable, Hashable {
        public var held: Int
        public var notCaptured: Int
        public var cancelled: Int
        public var expected: Int?

        public init(held: Int, notCaptured: Int, cancelled: Int, expected: Int? = nil) {
            self.held = held
            self.notCaptured = notCaptured
            self.cancelled = cancelled
            self.expected = expected
        }
    }

    /// `type RatingPoint`: the two ratings of one capture.
    public struct RatingPoint: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var occurrence: String
        public var localStart: String
        public var usefulness: Int?
        public var relationship: Int?

        public init(
            meetingId: Int64, occurrence: String, localStart: String, usefulness: Int? = nil, relationship: Int? = nil
        ) {
            self.meetingId = meetingId
            self.occurrence = occurrence
            self.localStart = localStart
            self.usefulness = usefulness
            self.relationship = relationship
        }
    }
}
