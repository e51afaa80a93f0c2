/// `io.mentord.CaptureMeeting`: records what came out of a meeting occurrence; commitments and
/// topics roll into the relationship's next meetings.
public enum CaptureMeeting: VarlinkMethod {
    public static let name = "io.mentord.CaptureMeeting"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var occurrence: String?
        public var summary: String?
        public var commitments: [Wire.Commitment]?
        public var topics: [String]?
        public var nextStart: String?
        public var nextGoal: String?
        public var reflection: String?
        public var privateNote: String?
        public var usefulness: Int?
        public var relationshipRating: Int?
        public var feedbackGiven: String?
        public var feedbackReceived: String?
        public var itemUpdates: [Wire.ItemUpdate]?
        public var goalProgress: [Wire.GoalProgress]?
        public var phase: Wire.Phase?

        public init(
            meetingId: Int64, occurrence: String? = nil, summary: String? = nil, commitments: [Wire.Commitment]? = nil,
            topics: [String]? = nil, nextStart: String? = nil, nextGoal: String? = nil, reflection: String? = nil,
            privateNote: String? = nil, usefulness: Int? = nil, relationshipRating: Int? = nil,
            feedbackGiven: String? = nil, feedbackReceived: String? = nil, itemUpdates: [Wire.ItemUpdate]? = nil,
            goalProgress: [Wire.GoalProgress]? = nil, phase: Wire.Phase? = nil
        ) {
            self.meetingId = meetingId
            self.occurrence = occurrence
            self.summary = summary
            self.commitments = commitments
            self.topics = topics
            self.nextStart = nextStart
            self.nextGoal = nextGoal
            self.reflection = reflection
            self.privateNote = privateNote
            self.usefulness = usefulness
            self.relationshipRating = relationshipRating
            self.feedbackGiven = feedbackGiven
            self.feedbackReceived = feedbackReceived
            self.itemUpdates = itemUpdates
            self.goalProgress = goalProgress
            self.phase = phase
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var capture: Wire.Capture
        public var nextMeeting: Wire.Meeting?
        public var nextOccurrence: String?
        public var nextLocalStart: String?
        public var warnings: [String]

        public init(
            capture: Wire.Capture, nextMeeting: Wire.Meeting? = nil, nextOccurrence: String? = nil,
            nextLocalStart: String? = nil, warnings: [String] = []
        ) {
            self.capture = capture
            self.nextMeeting = nextMeeting
            self.nextOccurrence = nextOccurrence
            self.nextLocalStart = nextLocalStart
            self.warnings = warnings
        }
    }
}
