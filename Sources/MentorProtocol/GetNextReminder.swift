/// `io.mentord.GetNextReminder`: the next card that will fire.
public enum GetNextReminder: VarlinkMethod {
    public static let name = "io.mentord.GetNextReminder"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var reminder: Wire.Reminder?
        public var secondsUntilDue: Int?

        public init(reminder: Wire.Reminder?, secondsUntilDue: Int?) {
            self.reminder = reminder
            self.secondsUntilDue = secondsUntilDue
        }
    }
}
