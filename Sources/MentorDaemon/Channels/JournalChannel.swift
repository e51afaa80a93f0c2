import Logging
import MentorProtocol

/// One journal entry per reminder, with the meeting id and steps as fields
/// (`MENTORD_MEETING_ID`, `MENTORD_STEP`) so `journalctl --user MENTORD_MEETING_ID=3` finds them.
struct JournalChannel: ReminderChannel {
    let logger: Logger
    var name: String { "journal" }

    func deliver(_ card: OutgoingCard) async throws -> String {
        let reminder = card.reminder
        logger.notice(
            "Reminder: \(DisplayText.headline(reminder)) (\(DisplayText.timing(reminder)))\(reminder.late ? " [late]" : "")",
            metadata: [
                "mentord.meeting.id": "\(reminder.meetingId.map(String.init) ?? "")",
                "mentord.step": "\(card.steps.map(\.rawValue).joined(separator: ","))",
                "mentord.occurrence": "\(reminder.occurrence)",
            ])
        return "logged"
    }
}
