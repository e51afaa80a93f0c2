import Logging
import SystemdKit
import Testing

@testable import MentorDaemon

struct JournalLogHandlerTests {
    @Test func turnsMetadataKeysIntoJournalFieldNames() {
        #expect(Journal.fieldName("mentord.meeting.id") == "MENTORD_MEETING_ID")
        #expect(Journal.fieldName("mentord.step") == "MENTORD_STEP")
        #expect(Journal.fieldName("_private key") == "PRIVATE_KEY")
        #expect(Journal.fieldName("9lives") == "F9LIVES")
    }

    @Test func makesOneEntryWithMessagePriorityAndFields() {
        let event = LogEvent(
            level: .notice, message: "Reminder: Plan: Chat with Sam", metadata: nil, source: "MentorDaemon",
            file: "JournalChannel.swift", function: "deliver(_:)", line: 12)
        let fields = JournalLogHandler.journalFields(
            event, ["mentord.meeting.id": "3", "mentord.step": "plan"], identifier: "mentord")
        let table = Dictionary(fields, uniquingKeysWith: { $1 })
        #expect(table["MESSAGE"] == "Reminder: Plan: Chat with Sam" && table["PRIORITY"] == "5")
        #expect(table["SYSLOG_IDENTIFIER"] == "mentord" && table["CODE_LINE"] == "12")
        #expect(table["MENTORD_MEETING_ID"] == "3" && table["MENTORD_STEP"] == "plan")
    }
}
