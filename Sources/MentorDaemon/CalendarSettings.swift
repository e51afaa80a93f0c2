import MentorCore

/// What the daemon knows of the user's calendars: the `[calendar]` table of the configuration, and
/// the calendars it follows there (`[calendar.NAME]` tables).
public struct CalendarSettings: Sendable, Hashable {
    /// The user's own e-mail addresses, lower case (`addresses`): an ICS file does not say whose
    /// calendar it is, so these tell the user's own attendee entry (a decline) from a partner's.
    public var addresses: Set<String> = []
    /// The longest an HTTP request of a followed URL or CalDAV calendar may take (`http_timeout`).
    public var httpTimeoutSeconds = 30
    /// `[calendar.NAME]` tables, in file order.
    var sources: [ConfiguredCalendar] = []

    public init() {}

    /// Reads a `[calendar.NAME]` table: a calendar to follow.
    mutating func readSource(
        _ table: TOMLDocument.Table, name: String, refuse: (TOMLDocument.Position, String, String) -> DaemonError
    ) throws(DaemonError) {
        var source = ConfiguredCalendar(name: name, location: "", fromConfig: true)
        for entry in table.entries {
            let key = "\(table.name).\(entry.key)"
            let text = entry.value.string
            switch entry.key {
            case "location":
                guard let text, !text.isEmpty else {
                    throw refuse(entry.position, key, "must be an absolute path or an http(s) URL")
                }
                source.location = text
            case "with":
                guard let text else { throw refuse(entry.position, key, "must be a partner's name") }
                source.partner = text
            case "role":
                guard let role = text.flatMap(Role.init(rawValue:)) else {
                    throw refuse(entry.position, key, "must be \"mentor\" or \"mentee\"")
                }
                source.role = role
            case "match":
                guard let items = entry.value.array?.compactMap(\.string), items.count == entry.value.array?.count
                else { throw refuse(entry.position, key, "must be a list of rules: [\"category:Mentoring\"]") }
                source.match = items
            case "interval":
                guard let text, let seconds = try? DurationExpression.seconds(text),
                    FollowSettings.intervalRange.contains(seconds)
                else { throw refuse(entry.position, key, "must be a duration from \"1m\" to \"1d\"") }
                source.interval = seconds
            case "user":
                guard let text else { throw refuse(entry.position, key, "must be a user name") }
                source.username = text
            case "password_file":
                guard let text, text.hasPrefix("/") else {
                    throw refuse(entry.position, key, "must be an absolute path")
                }
                source.passwordFile = text
            case "password_command":
                guard let items = entry.value.array?.compactMap(\.string), !items.isEmpty,
                    items.count == entry.value.array?.count
                else {
                    throw refuse(entry.position, key, "must be a command as a list: [\"pass\", \"show\", \"caldav\"]")
                }
                source.passwordCommand = items
            default:
                throw refuse(entry.position, key, "unknown key")
            }
        }
        guard !source.location.isEmpty else { throw refuse(table.position, table.name, "needs a location") }
        sources.append(source)
    }
}
