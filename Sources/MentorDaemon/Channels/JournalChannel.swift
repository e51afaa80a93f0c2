import Logging
import MentorProtocol

/// One journal entry per reminder, with the meeting id and steps as fields
/// (`MENTORD_MEETING_ID`, `MENTORD_STEP`) so `journalctl --user MENTORD_MEETING_ID=3` finds them.
struct JournalChannel: ReminderChannel {
    let logger: Logger
    var name: String { "journal" }

    func deliver(_ reminder: Wire.Reminder) async throws -> String {
        logger.notice(
            "Reminder: \(DisplayText.headline(reminder)) (\(DisplayText.timing(reminder)))\(reminder.late ? " [late]" : "")",
            metadata: [
                "mentord.meeting.id": "\(reminder.meetingId)",
                "mentord.step": "\(reminder.steps.joined(separator: ","))",
                "mentord.occurrence": "\(reminder.occurrence)",
            ])
        return "logged"
    }
}
