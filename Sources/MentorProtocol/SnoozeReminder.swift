/// `io.mentord.SnoozeReminder`: postpones the steps of one card.
public enum SnoozeReminder: VarlinkMethod {
    public static let name = "io.mentord.SnoozeReminder"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var steps: [Wire.Step]
        public var until: String

        public init(meetingId: Int64, steps: [Wire.Step], until: String) {
            self.meetingId = meetingId
            self.steps = steps
            self.until = until
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var until: String
        public var localUntil: String
        public var occurrence: String
        public var nextStep: Wire.Step?
        public var beforeStart: Bool

        public init(
            until: String, localUntil: String, occurrence: String, nextStep: Wire.Step? = nil, beforeStart: Bool = false
        ) {
            self.until = until
            self.localUntil = localUntil
            self.occurrence = occurrence
            self.nextStep = nextStep
            self.beforeStart = beforeStart
        }
    }
}
