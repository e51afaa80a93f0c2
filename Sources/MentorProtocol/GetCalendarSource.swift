/// `io.mentord.GetCalendarSource`: one followed calendar and the events its last sync left out.
public enum GetCalendarSource: VarlinkMethod {
    public static let name = "io.mentord.GetCalendarSource"

    public struct Parameters: Codable, Sendable, Hashable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var source: Wire.CalendarSource
        public var unmatched: [Wire.SkippedEvent]

        public init(source: Wire.CalendarSource, unmatched: [Wire.SkippedEvent]) {
            self.source = source
            self.unmatched = unmatched
        }
    }
}
