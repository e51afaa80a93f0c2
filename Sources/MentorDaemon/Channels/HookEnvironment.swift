import MentorProtocol

/// The environment variables a hook receives for one reminder.
///
/// Every value is data: the hook is exec'd directly, never through a shell, so a title such as
/// `$(touch /tmp/pwned)` arrives as those characters and nothing runs it.
enum HookEnvironment {
    static func variables(for reminder: Wire.Reminder) -> [String: String] {
        [
            "MENTORD_MEETING_ID": String(reminder.meetingId),
            "MENTORD_TITLE": reminder.title,
            "MENTORD_PARTNER": reminder.partner,
            "MENTORD_ROLE": reminder.role.rawValue,
            // Several steps when the card merges them, in the order shown: "purpose,preparation".
            "MENTORD_STEP": reminder.steps.joined(separator: ","),
            "MENTORD_START": reminder.occurrence,
            "MENTORD_LOCAL_START": reminder.localStart,
            "MENTORD_TIME_ZONE": reminder.timeZone,
            "MENTORD_DUE_AT": reminder.dueAt,
            "MENTORD_MINUTES_LEFT": String(reminder.minutesToStart),
            "MENTORD_LATE": reminder.late ? "1" : "0",
            // One prompt per line, every step's prompts in card order.
            "MENTORD_PROMPTS": reminder.prompts.flatMap(\.prompts).joined(separator: "\n"),
            "MENTORD_SUMMARY": DisplayText.headline(reminder),
        ].mapValues { $0.filter { $0 != "\0" } }
    }
}
