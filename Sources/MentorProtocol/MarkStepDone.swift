/// `io.mentord.MarkStepDone`: a done step stays quiet.
public enum MarkStepDone: VarlinkMethod {
    public static let name = "io.mentord.MarkStepDone"
    public typealias Reply = NoParameters

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var step: Wire.Step

        public init(meetingId: Int64, step: Wire.Step) {
            self.meetingId = meetingId
            self.step = step
        }
    }
}
