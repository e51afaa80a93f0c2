import MentorProtocol

/// The environment variables a hook receives for one reminder.
///
/// Every value is data: the hook is exec'd directly, never through a shell, so a title such as
/// `$(touch /tmp/pwned)` arrives as those characters and nothing runs it.
enum HookEnvironment {
    static func variables(for card: OutgoingCard) -> [String: String] {
        let reminder = card.reminder
        var variables: [String: String] = [:]
        variables["MENTORD_KIND"] = reminder.kind.rawValue
        // Empty for a test card and a commitment agreed outside a meeting.
        variables["MENTORD_MEETING_ID"] = reminder.meetingId.map(String.init) ?? ""
        variables["MENTORD_ITEM_ID"] = reminder.itemId.map(String.init) ?? ""
        variables["MENTORD_TITLE"] = reminder.title
        variables["MENTORD_PARTNER"] = reminder.partner
        variables["MENTORD_ROLE"] = reminder.role.rawValue
        // Several steps when the card merges them, in the order shown: "purpose,preparation".
        variables["MENTORD_STEP"] = card.steps.map(\.rawValue).joined(separator: ",")
        variables["MENTORD_START"] = reminder.occurrence
        variables["MENTORD_LOCAL_START"] = reminder.localStart
        variables["MENTORD_TIME_ZONE"] = reminder.timeZone
        variables["MENTORD_DUE_AT"] = reminder.dueAt
        variables["MENTORD_MINUTES_LEFT"] = String(reminder.minutesToStart)
        variables["MENTORD_LATE"] = reminder.late ? "1" : "0"
        // One prompt per line, every step's prompts in card order, then the card's notes.
        variables["MENTORD_PROMPTS"] = (reminder.prompts.flatMap(\.prompts) + reminder.notes).joined(separator: "\n")
        variables["MENTORD_SUMMARY"] = DisplayText.headline(reminder)
        return variables.mapValues { $0.filter { $0 != "\0" } }
    }
}
