/// What the daemon knows of the user's calendars: the `[calendar]` table of the configuration.
public struct CalendarSettings: Sendable, Hashable {
    /// The user's own e-mail addresses, lower case (`addresses`): an ICS file does not say whose
    /// calendar it is, so these tell the user's own attendee entry (a decline) from a partner's.
    public var addresses: Set<String> = []

    public init() {}
}
