import Foundation
import MentorExport
import MentorProtocol
import Testing

/// The export renderers on fixed wire values: the Markdown against a reviewed golden file, the
/// iCalendar text against RFC 5545's rules (the PyPI `icalendar` parser reads a real export in
/// the end-to-end tests).
struct ExportTests {
    static let golden = Bundle.module.url(forResource: "Golden", withExtension: nil)!

    static let relationship = Wire.Relationship(
        id: 1, partner: "Sam", role: .mentee, cadence: "weekly", startedOn: "2026-09-01", phase: .cultivation,
        createdAt: "2026-09-01T08:00:00.000Z")

    static let capture = Wire.Capture(
        meetingId: 3, occurrence: "2026-11-23T14:00:00.000Z", summary: "Went through the RFC; agreed on a review.",
        reflection: "Ask for the decision, not for approval.", privateNote: "Felt rushed at the end.",
        usefulness: 4, relationshipRating: 5, feedbackGiven: "Your examples helped.",
        nextStart: "2026-11-30T14:00:00.000Z", nextGoal: "Decide on the conference talk",
        capturedAt: "2026-11-23T15:10:00.000Z")

    static let section = MarkdownExport.Section(
        details: GetRelationship.Reply(
            relationship: relationship,
            phases: [
                .init(phase: .initiation, changedAt: "2026-09-01T08:00:00.000Z"),
                .init(phase: .cultivation, changedAt: "2026-10-15T09:00:00.000Z", note: "We found our rhythm"),
            ],
            goals: [
                .init(
                    id: 1, relationshipId: 1, statement: "Lead a design review",
                    successCriteria: "One review run by me",
                    targetDate: "2027-01-31", status: "active", createdAt: "2026-09-01T08:00:00.000Z")
            ],
            offers: [], items: []),
        history: [
            .init(
                meetingId: 3, title: "Weekly", occurrence: "2026-11-23T14:00:00.000Z",
                localStart: "2026-11-23T15:00:00+01:00",
                answers: [
                    .init(
                        step: .purpose, prompt: "What one goal do you want this conversation to move?",
                        answer: "Feedback on my RFC")
                ], capture: capture)
        ],
        items: [
            .init(
                id: 1, kind: "action", relationshipId: 1, partner: "Sam", text: "Send the revised RFC", owner: "me",
                dueOn: "2026-11-28", status: "open", timesCarried: 1, originMeetingId: 3,
                originOccurrence: "2026-11-23T14:00:00.000Z", createdAt: "2026-11-23T15:10:00.000Z"),
            .init(
                id: 1, kind: "topic", relationshipId: 1, partner: "Sam", text: "Conference talk", status: "open",
                originMeetingId: 3, originOccurrence: "2026-11-23T14:00:00.000Z", createdAt: "2026-11-23T15:10:00.000Z"),
        ])

    private func golden(_ name: String) throws -> String {
        try String(contentsOf: Self.golden.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func markdownMatchesTheReviewedGoldenFile() throws {
        let text = MarkdownExport.render([Self.section], shareable: false, exportedOn: "2026-11-30")
        let expected = try golden("relationship.md")
        if text != expected {
            // For review: diff this against Golden/relationship.md, and copy it there if it is right.
            try text.write(
                toFile: NSTemporaryDirectory() + "relationship.md.actual", atomically: false, encoding: .utf8)
        }
        #expect(text == expected, "actual output in \(NSTemporaryDirectory())relationship.md.actual")
    }

    @Test func userTextStaysTextInMarkdown() {
        #expect(
            MarkdownExport.escape("# Plan <img src=x> [link](http://e.org) *bold*")
                == "\\# Plan \\<img src=x\\> \\[link\\](http://e.org) \\*bold\\*")
        #expect(MarkdownExport.escape("1. first\n- item\nplain, text.") == "1\\. first\n\\- item\nplain, text.")
    }

    /// What goes to the partner: what both agreed on, nothing candid.
    @Test func shareableMarkdownHoldsOnlyWhatBothAgreedOn() throws {
        let text = MarkdownExport.render([Self.section], shareable: true, exportedOn: "2026-11-30")
        let expected = try golden("shareable.md")
        if text != expected {
            try text.write(toFile: NSTemporaryDirectory() + "shareable.md.actual", atomically: false, encoding: .utf8)
        }
        #expect(text == expected, "actual output in \(NSTemporaryDirectory())shareable.md.actual")
        for candid in [
            "Felt rushed", "Ask for the decision", "usefulness", "Your examples helped", "Feedback on my RFC",
            "We found our rhythm", "One review run by me", "you are the mentee",
        ] {
            #expect(!text.contains(candid), "\(candid)")
        }
        for agreed in [
            "Went through the RFC", "Send the revised RFC", "Conference talk", "Decide on the conference talk",
            "Mon 2026-11-30 14:00 +00:00",
        ] {
            #expect(text.contains(agreed), "\(agreed)")
        }
        // In the user's own zone, as everything mentorctl shows.
        let berlin = UserZone(name: "Europe/Berlin", rule: PosixZoneRule("CET-1CEST,M3.5.0,M10.5.0/3")!)
        let local = MarkdownExport.render([Self.section], shareable: true, exportedOn: "2026-11-30", in: berlin)
        #expect(local.contains("Next meeting: Mon 2026-11-30 15:00 +01:00"))
    }

    @Test func calendarHasOneAlarmPerPlannedStepAndFoldsLongLines() {
        let occurrence = Wire.Occurrence(
            meetingId: 3, title: "Weekly; with a comma, and a long title " + String(repeating: "é", count: 60),
            partner: "Sam", role: .mentee, start: "2026-11-30T14:00:00.000Z", localStart: "2026-11-30T15:00:00+01:00",
            timeZone: "Europe/Berlin", durationSeconds: 3600, recurring: true,
            reminders: [
                .init(
                    step: .purpose, at: "2026-11-27T09:00:00.000Z", localAt: "2026-11-27T10:00:00+01:00", state: nil),
                .init(step: .plan, at: "2026-11-30T12:00:00.000Z", localAt: "2026-11-30T13:00:00+01:00", state: nil),
                .init(
                    step: .preparation, at: "2026-11-29T09:00:00.000Z", localAt: "2026-11-29T10:00:00+01:00",
                    state: "done"),
            ])
        let text = CalendarExport.render([occurrence], purposes: [3: "Review\nthe RFC"], now: 1_796_000_000)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == 2, "done steps ring for nothing")
        #expect(text.contains("DTSTART:20261130T140000Z") && text.contains("DTEND:20261130T150000Z"))
        #expect(text.contains("TRIGGER;VALUE=DATE-TIME:20261127T090000Z"))
        #expect(text.contains("DESCRIPTION:Review\\nthe RFC"))
        #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Weekly\\; with a comma\\, and"))
    }
}
