/// What the daemon knows of the user's calendars: the `[calendar]` table of the configuration.
public struct CalendarSettings: Sendable, Hashable {
    /// The user's own e-mail addresses, lower case (`addresses`): an ICS file does not say whose
    /// calendar it is, so these tell the user's own attendee entry (a decline) from a partner's.
    public var addresses: Set<String> = []

    public init() {}

    /// Reads the `[calendar]` table; `refuse` turns a problem into a file:line error.
    mutating func read(
        _ table: TOMLDocument.Table, refuse: (TOMLDocument.Position, String, String) -> DaemonError
    ) throws(DaemonError) {
        for entry in table.entries {
            let key = "calendar.\(entry.key)"
            switch entry.key {
            case "addresses":
                let expected = "must be a list of e-mail addresses: [\"me@example.org\"]"
                guard let items = entry.value.array else { throw refuse(entry.position, key, expected) }
                var addresses: Set<String> = []
                for item in items {
                    guard let text = item.string, text.contains("@"), !text.contains(where: \.isWhitespace) else {
                        throw refuse(entry.position, key, expected)
                    }
                    addresses.insert(text.lowercased())
                }
                self.addresses = addresses
            default:
                throw refuse(entry.position, key, "unknown key")
            }
        }
    }
}
