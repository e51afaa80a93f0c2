extension Wire {
    /// `type Answer`: one answer to one prompt; `answeredAt` is ignored in calls.
    public struct Answer: Codable, Sendable, Hashable {
        public var step: Step
        public var prompt: String
        public var answer: String
        public var answeredAt: String?

        public init(step: Step, prompt: String, answer: String, answeredAt: String? = nil) {
            self.step = step
            self.prompt = prompt
            self.answer = answer
            self.answeredAt = answeredAt
        }
    }

    /// `type Capture`: what was recorded after one meeting occurrence; see the interface file for
    /// each field. `privateNote` is the user's alone and stays out of shareable exports.
    public struct Capture: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var occurrence: String
        public var summary: String
        public var reflection: String
        public var privateNote: String
        public var usefulness: Int?
        public var relationshipRating: Int?
        public var feedbackGiven: String
        public var feedbackReceived: String
        public var nextStart: String?
        public var nextGoal: String
        public var capturedAt: String

        public init(
            meetingId: Int64, occurrence: String, summary: String = "", reflection: String = "",
            privateNote: String = "", usefulness: Int? = nil, relationshipRating: Int? = nil,
            feedbackGiven: String = "", feedbackReceived: String = "", nextStart: String? = nil,
            nextGoal: String = "", capturedAt: String
        ) {
            self.meetingId = meetingId
            self.occurrence = occurrence
            self.summary = summary
            self.reflection = reflection
            self.privateNote = privateNote
            self.usefulness = usefulness
            self.relationshipRating = relationshipRating
            self.feedbackGiven = feedbackGiven
            self.feedbackReceived = feedbackReceived
            self.nextStart = nextStart
            self.nextGoal = nextGoal
            self.capturedAt = capturedAt
        }
    }

    /// `type PrepContext`: what a step's prompts are filled with.
    public struct PrepContext: Codable, Sendable, Hashable {
        public var goal: String
        public var daysLeft: Int?
        public var agreedGoal: String
        public var lastSummary: String
        public var openActions: [Item]
        public var openTopics: [Item]
        public var goals: [Goal]?
        public var phase: Phase?
        public var reviewDue: Bool?

        public init(
            goal: String = "", daysLeft: Int? = nil, agreedGoal: String = "", lastSummary: String = "",
            openActions: [Item] = [], openTopics: [Item] = [], goals: [Goal]? = nil, phase: Phase? = nil,
            reviewDue: Bool? = nil
        ) {
            self.goal = goal
            self.daysLeft = daysLeft
            self.agreedGoal = agreedGoal
            self.lastSummary = lastSummary
            self.openActions = openActions
            self.openTopics = openTopics
            self.goals = goals
            self.phase = phase
            self.reviewDue = reviewDue
        }
    }

    /// `type ItemUpdate`: what became of an open item at a capture.
    public struct ItemUpdate: Codable, Sendable, Hashable {
        public var kind: String
        public var id: Int64
        public var status: String

        public init(kind: String, id: Int64, status: String) {
            self.kind = kind
            self.id = id
            self.status = status
        }
    }

    /// `type GoalProgress`: where a learning goal stood at one capture.
    public struct GoalProgress: Codable, Sendable, Hashable {
        public var goalId: Int64
        public var note: String
        public var rating: Int?
        public var meetingId: Int64?
        public var occurrence: String?
        public var notedAt: String?

        public init(
            goalId: Int64, note: String, rating: Int? = nil, meetingId: Int64? = nil, occurrence: String? = nil,
            notedAt: String? = nil
        ) {
            self.goalId = goalId
            self.note = note
            self.rating = rating
            self.meetingId = meetingId
            self.occurrence = occurrence
            self.notedAt = notedAt
        }
    }

    /// `type HistoryEntry`: one meeting occurrence in a relationship's history.
    public struct HistoryEntry: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var title: String
        public var occurrence: String
        public var localStart: String
        public var answers: [Answer]
        public var capture: Capture?

        public init(
            meetingId: Int64, title: String, occurrence: String, localStart: String, answers: [Answer] = [],
            capture: Capture? = nil
        ) {
            self.meetingId = meetingId
            self.title = title
            self.occurrence = occurrence
            self.localStart = localStart
            self.answers = answers
            self.capture = capture
        }
    }
}
