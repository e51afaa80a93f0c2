extension Wire {
    /// `type PlannedReminder`.
    public struct PlannedReminder: Codable, Sendable, Hashable {
        public var step: Step
        public var at: String
        public var localAt: String
        public var state: String?

        public init(step: Step, at: String, localAt: String, state: String?) {
            self.step = step
            self.at = at
            self.localAt = localAt
            self.state = state
        }
    }

    /// `type Occurrence`; see the interface file for each field.
    public struct Occurrence: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var title: String
        public var partner: String
        public var role: Role
        public var start: String
        public var localStart: String
        public var timeZone: String
        public var durationSeconds: Int
        public var recurring: Bool
        public var reminders: [PlannedReminder]

        public init(
            meetingId: Int64, title: String, partner: String, role: Role, start: String, localStart: String,
            timeZone: String, durationSeconds: Int, recurring: Bool, reminders: [PlannedReminder]
        ) {
            self.meetingId = meetingId
            self.title = title
            self.partner = partner
            self.role = role
            self.start = start
            self.localStart = localStart
            self.timeZone = timeZone
            self.durationSeconds = durationSeconds
            self.recurring = recurring
            self.reminders = reminders
        }
    }
}
