import MentorCore

/// A calendar to follow as the user wrote it, in a `[calendar.NAME]` table or as `calendar add`'s
/// arguments: checked and completed (its kind, its name) by ``CalendarFollower``.
struct ConfiguredCalendar: Sendable, Hashable {
    /// nil: from the location.
    var name: String?
    var location: String
    var partner: String?
    var role: Role?
    var match: [String] = []
    /// Seconds between polls.
    var interval: Int?
    var username: String?
    var passwordFile: String?
    var passwordCommand: [String]?
    /// Whether a `[calendar.NAME]` table defines it.
    var fromConfig = false

    var settings: FollowSettings {
        FollowSettings(
            interval: interval, username: username, passwordFile: passwordFile, passwordCommand: passwordCommand)
    }
}
