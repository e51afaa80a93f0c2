/// `io.mentord.MarkStepDone`: a done step stays quiet.
public enum MarkStepDone: VarlinkMethod {
    public static let name = "io.mentord.MarkStepDone"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var step: Wire.Step
        public var occurrence: String?

        public init(meetingId: Int64, step: Wire.Step, occurrence: String? = nil) {
            self.meetingId = meetingId
            self.step = step
            self.occurrence = occurrence
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var occurrence: String?

        public init(occurrence: String? = nil) {
            self.occurrence = occurrence
        }
    }
}
