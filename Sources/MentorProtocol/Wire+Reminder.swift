extension Wire {
    /// `type StepPrompts`.
    public struct StepPrompts: Codable, Sendable, Hashable {
        public var step: Step
        public var prompts: [String]

        public init(step: Step, prompts: [String]) {
            self.step = step
            self.prompts = prompts
        }
    }

    /// `type Reminder`; see the interface file for each field.
    public struct Reminder: Codable, Sendable, Hashable {
        public var kind: ReminderKind
        public var meetingId: Int64?
        public var itemId: Int64?
        public var occurrence: String
        public var title: String
        public var partner: String
        public var role: Role
        public var steps: [Step]
        public var dueAt: String
        public var localDueAt: String
        public var localStart: String
        public var timeZone: String
        public var minutesToStart: Int
        public var late: Bool
        public var prompts: [StepPrompts]
        public var notes: [String]
        public var relationshipId: Int64?
        public var meetings: [DigestEntry]?

        public init(
            kind: ReminderKind, meetingId: Int64?, itemId: Int64? = nil, occurrence: String, title: String,
            partner: String, role: Role, steps: [Step], dueAt: String, localDueAt: String, localStart: String,
            timeZone: String, minutesToStart: Int, late: Bool, prompts: [StepPrompts], notes: [String] = [],
            relationshipId: Int64? = nil, meetings: [DigestEntry]? = nil
        ) {
            self.kind = kind
            self.meetingId = meetingId
            self.itemId = itemId
            self.occurrence = occurrence
            self.title = title
            self.partner = partner
            self.role = role
            self.steps = steps
            self.dueAt = dueAt
            self.localDueAt = localDueAt
            self.localStart = localStart
            self.timeZone = timeZone
            self.minutesToStart = minutesToStart
            self.late = late
            self.prompts = prompts
            self.notes = notes
            self.relationshipId = relationshipId
            self.meetings = meetings
        }
    }

    /// `type DigestEntry`: one meeting of a digest card.
    public struct DigestEntry: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var title: String
        public var partner: String
        public var role: Role
        public var occurrence: String
        public var localStart: String
        public var steps: [Step]
        public var aim: String
        public var openItems: [String]
        public var prompts: [StepPrompts]

        public init(
            meetingId: Int64, title: String, partner: String, role: Role, occurrence: String, localStart: String,
            steps: [Step], aim: String, openItems: [String], prompts: [StepPrompts]
        ) {
            self.meetingId = meetingId
            self.title = title
            self.partner = partner
            self.role = role
            self.occurrence = occurrence
            self.localStart = localStart
            self.steps = steps
            self.aim = aim
            self.openItems = openItems
            self.prompts = prompts
        }
    }
}
