/// A `BEGIN:NAME` ... `END:NAME` block with its properties and nested components, in file order.
public struct CalendarComponent: Sendable, Hashable {
    /// Upper case: `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, `DAYLIGHT`, `VALARM`, ...
    public var name: String
    /// The line of its `BEGIN`.
    public var line: Int
    public var properties: [ContentLine] = []
    public var components: [CalendarComponent] = []

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// Every property called `name` (upper case), in file order.
    public func properties(_ name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }

    /// The first property called `name` (upper case).
    public func property(_ name: String) -> ContentLine? {
        properties.first { $0.name == name }
    }
}
