import TOMLKit

/// What the daemon knows of the user's calendars: the `[calendar]` table of the configuration.
public struct CalendarSettings: Sendable, Hashable {
    /// The user's own e-mail addresses, lower case (`addresses`): an ICS file does not say whose
    /// calendar it is, so these tell the user's own attendee entry (a decline) from a partner's.
    public var addresses: Set<String> = []

    public init() {}

    /// Reads the `[calendar]` table; `locate` turns a problem into a file:line error.
    mutating func read(_ table: TOMLTable, locate: (String, String) -> DaemonError) throws(DaemonError) {
        for key in table.keys {
            switch key {
            case "addresses":
                guard let items = table[key]?.array else {
                    throw locate("calendar.addresses", "must be a list of e-mail addresses: [\"me@example.org\"]")
                }
                var addresses: Set<String> = []
                for item in items {
                    guard let text = item.string, text.contains("@"), !text.contains(where: \.isWhitespace) else {
                        throw locate(
                            "calendar.addresses", "must be a list of e-mail addresses: [\"me@example.org\"]")
                    }
                    addresses.insert(text.lowercased())
                }
                self.addresses = addresses
            default:
                throw locate("calendar.\(key)", "unknown key")
            }
        }
    }
}
