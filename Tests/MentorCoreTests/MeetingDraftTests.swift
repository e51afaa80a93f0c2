import Foundation
import MentorCore
import Testing

struct MeetingDraftTests {
    let zone = TimeZone(identifier: "Europe/Berlin")!
    let start = Date(timeIntervalSince1970: 1_796_032_800.123_456)

    @Test func trimsAndRoundsToMilliseconds() throws {
        let draft = try MeetingDraft(
            title: "  Career chat ", partner: " Sam\t", role: .mentee, start: start, timeZone: zone,
            durationSeconds: 2700, purpose: " Promotion \n")
        #expect(draft.title == "Career chat")
        #expect(draft.partner == "Sam")
        #expect(draft.purpose == "Promotion")
        #expect(draft.start.millisecondsSince1970 == 1_796_032_800_123)
        #expect(draft.start == Date(millisecondsSince1970: 1_796_032_800_123))
    }

    @Test func refusesEmptyLongAndMultilineText() {
        #expect(throws: MeetingValidationError.emptyText(field: "title")) {
            try MeetingDraft(title: " \n", partner: "Sam", role: nil, start: start, timeZone: zone)
        }
        #expect(throws: MeetingValidationError.emptyText(field: "partner")) {
            try MeetingDraft(title: "x", partner: "", role: nil, start: start, timeZone: zone)
        }
        #expect(throws: MeetingValidationError.textTooLong(field: "title", length: 201, limit: 200)) {
            try MeetingDraft(
                title: String(repeating: "a", count: 201), partner: "Sam", role: nil, start: start, timeZone: zone)
        }
        #expect(throws: MeetingValidationError.multilineText(field: "title")) {
            try MeetingDraft(title: "a\nb", partner: "Sam", role: nil, start: start, timeZone: zone)
        }
        #expect(throws: MeetingValidationError.textTooLong(field: "purpose", length: 4001, limit: 4000)) {
            try MeetingDraft(
                title: "x", partner: "Sam", role: nil, start: start, timeZone: zone,
                purpose: String(repeating: "p", count: 4001))
        }
    }

    @Test(arguments: [0, -60, 86_401])
    func refusesDurationsOutOfRange(seconds: Int) {
        #expect(throws: MeetingValidationError.durationOutOfRange(seconds: seconds)) {
            try MeetingDraft(
                title: "x", partner: "Sam", role: nil, start: start, timeZone: zone, durationSeconds: seconds)
        }
    }

    @Test func appliesOnlyTheGivenChanges() throws {
        let relationship = Relationship(id: 1, partner: "Sam", role: .mentee, createdAt: start)
        let meeting = Meeting(
            id: 1, relationship: relationship, title: "Old", start: start, timeZone: zone, durationSeconds: 600,
            purpose: "p", status: .scheduled, createdAt: start, updatedAt: start)
        let retitled = try MeetingDraft(meeting, applying: MeetingChanges(title: "New"))
        #expect(retitled.title == "New")
        #expect(retitled.partner == "Sam" && retitled.role == .mentee && retitled.durationSeconds == 600)
        let moved = try MeetingDraft(meeting, applying: MeetingChanges(partner: "Ana"))
        #expect(moved.partner == "Ana" && moved.role == nil, "a new partner's role comes from their relationship")
        #expect(throws: MeetingValidationError.emptyText(field: "title")) {
            try MeetingDraft(meeting, applying: MeetingChanges(title: ""))
        }
    }
}
