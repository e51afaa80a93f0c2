extension Wire {
    /// `type StepPrompts`.
    public struct StepPrompts: Codable, Sendable, Hashable {
        public var step: String
        public var prompts: [String]

        public init(step: String, prompts: [String]) {
            self.step = step
            self.prompts = prompts
        }
    }

    /// `type Reminder`; see the interface file for each field.
    public struct Reminder: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var occurrence: String
        public var title: String
        public var partner: String
        public var role: Role
        public var steps: [String]
        public var dueAt: String
        public var localDueAt: String
        public var localStart: String
        public var timeZone: String
        public var minutesToStart: Int
        public var late: Bool
        public var prompts: [StepPrompts]

        public init(
            meetingId: Int64, occurrence: String, title: String, partner: String, role: Role, steps: [String],
            dueAt: String, localDueAt: String, localStart: String, timeZone: String, minutesToStart: Int, late: Bool,
            prompts: [StepPrompts]
        ) {
            self.meetingId = meetingId
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
        }
    }
}
