/// `io.mentord.ListCalendarSources`: every followed calendar, by name.
public enum ListCalendarSources: VarlinkMethod {
    public static let name = "io.mentord.ListCalendarSources"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var sources: [Wire.CalendarSource]

        public init(sources: [Wire.CalendarSource]) {
            self.sources = sources
        }
    }
}
