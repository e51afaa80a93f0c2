/// `io.mentord.GetPrep`: a step's prompts for an occurrence, filled, with the answers so far.
public enum GetPrep: VarlinkMethod {
    public static let name = "io.mentord.GetPrep"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var step: Wire.Step?
        public var occurrence: String?

        public init(meetingId: Int64, step: Wire.Step? = nil, occurrence: String? = nil) {
            self.meetingId = meetingId
            self.step = step
            self.occurrence = occurrence
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var meeting: Wire.Meeting
        public var occurrence: String
        public var localStart: String
        public var step: Wire.Step
        public var prompts: [String]
        public var context: Wire.PrepContext
        public var answers: [Wire.Answer]

        public init(
            meeting: Wire.Meeting, occurrence: String, localStart: String, step: Wire.Step, prompts: [String] = [],
            context: Wire.PrepContext, answers: [Wire.Answer] = []
        ) {
            self.meeting = meeting
            self.occurrence = occurrence
            self.localStart = localStart
            self.step = step
            self.prompts = prompts
            self.context = context
            self.answers = answers
        }
    }
}
