/// `io.mentord.RecordAnswers`: stores answers to a step's prompts and marks the step done.
public enum RecordAnswers: VarlinkMethod {
    public static let name = "io.mentord.RecordAnswers"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var step: Wire.Step
        public var occurrence: String?
        public var answers: [Wire.Answer]

        public init(meetingId: Int64, step: Wire.Step, occurrence: String? = nil, answers: [Wire.Answer] = []) {
            self.meetingId = meetingId
            self.step = step
            self.occurrence = occurrence
            self.answers = answers
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var occurrence: String

        public init(occurrence: String) {
            self.occurrence = occurrence
        }
    }
}
