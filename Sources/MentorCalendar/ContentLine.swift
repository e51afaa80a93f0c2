/// One unfolded content line: `NAME;PARAM=VALUE,...:VALUE`.
public struct ContentLine: Sendable, Hashable {
    /// One parameter: its name (upper case) and its values, unquoted.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var values: [String]
    }

    /// The property name, upper case (`DTSTART`, `X-WR-TIMEZONE`).
    public var name: String
    public var parameters: [Parameter]
    /// The raw value: text values are still escaped (see ``CalendarText``).
    public var value: String
    /// The 1-based line the property starts on.
    public var line: Int

    /// The first value of the parameter called `name` (upper case), if given.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }
}
