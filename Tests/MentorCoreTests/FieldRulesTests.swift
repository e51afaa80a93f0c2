import Foundation
import MentorCore
import Testing

struct FieldRulesTests {
    @Test(arguments: ["", "2026-12-03", "2028-02-29", " 2026-01-31 "])
    func acceptsEmptyAndRealDays(text: String) throws {
        #expect(try FieldRules.day(text, field: "dueOn") == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-05", "26-01-05", "2026/01/05", "tomorrow",
        "２０２６-01-05", "0000-01-01",
    ])
    func refusesAnythingButAnExistingDay(text: String) {
        #expect(throws: MeetingValidationError.invalidDay(field: "dueOn", text: text)) {
            try FieldRules.day(text, field: "dueOn")
        }
    }

    @Test func checksRatingsFromOneToFive() throws {
        #expect(try FieldRules.rating(nil, field: "usefulness") == nil)
        #expect(try FieldRules.rating(5, field: "usefulness") == 5)
        #expect(throws: MeetingValidationError.ratingOutOfRange(field: "usefulness", value: 0)) {
            try FieldRules.rating(0, field: "usefulness")
        }
    }

    @Test func trimsAndLimitsText() throws {
        #expect(try FieldRules.line("  a b ", field: "f", limit: 3) == "a b")
        #expect(try FieldRules.text(" a\nb ", field: "f", limit: 3) == "a\nb")
        #expect(throws: MeetingValidationError.multilineText(field: "f")) {
            try FieldRules.line("a\nb", field: "f", limit: 9)
        }
        #expect(throws: MeetingValidationError.textTooLong(field: "f", length: 4, limit: 3)) {
            try FieldRules.requiredLine("abcd", field: "f", limit: 3)
        }
        #expect(throws: MeetingValidationError.emptyText(field: "f")) {
            try FieldRules.requiredText(" \n ", field: "f", limit: 3)
        }
    }
}

extension FieldRulesTests {
    /// U+0000 would cut the stored text short; the others take over a terminal that prints them.
    @Test(arguments: [
        ("keep\u{0}secret", 0x00), ("\u{0}lead", 0x00), ("esc\u{1B}[31m", 0x1B), ("bell\u{7}", 0x07),
        ("del\u{7F}", 0x7F), ("csi\u{9B}2J", 0x9B), ("nel\u{85}inside", 0x85),
    ])
    func refusesControlCharactersInEveryText(text: String, codePoint: Int) {
        #expect(throws: MeetingValidationError.controlCharacter(field: "f", codePoint: codePoint)) {
            try FieldRules.text(text, field: "f", limit: 100)
        }
        #expect(throws: MeetingValidationError.controlCharacter(field: "f", codePoint: codePoint)) {
            try FieldRules.requiredText(text, field: "f", limit: 100)
        }
    }

    @Test(arguments: [("a\tb", 0x09), ("right\u{202E}left", 0x202E), ("lre\u{202A}", 0x202A), ("pdi\u{2069}", 0x2069)])
    func refusesTabsAndBidiControlsOnlyOnOneLine(text: String, codePoint: Int) throws {
        #expect(throws: MeetingValidationError.controlCharacter(field: "title", codePoint: codePoint)) {
            try FieldRules.requiredLine(text, field: "title", limit: 100)
        }
        #expect(throws: MeetingValidationError.controlCharacter(field: "title", codePoint: codePoint)) {
            try FieldRules.line(text, field: "title", limit: 100)
        }
        // Notes may hold tabs, and right-to-left writing may need its controls.
        #expect(try FieldRules.text(text, field: "note", limit: 100) == text)
    }

    @Test func keepsLineBreaksTabsAndOtherScriptsInNotes() throws {
        let note = "Plan:\r\n\t1. \u{05E9}\u{05DC}\u{05D5}\u{05DD}\n\t2. caf\u{E9} \u{1F44D}"
        #expect(try FieldRules.text(note, field: "note", limit: 100) == note)
        #expect(
            try FieldRules.requiredLine("caf\u{E9} \u{1F44D} \u{05E9}", field: "title", limit: 100)
                == "caf\u{E9} \u{1F44D} \u{05E9}")
    }
}

struct MentoringValidationTests {
    let now = Date(timeIntervalSince1970: 1_796_032_800)

    @Test func trimsACaptureAndChecksItsRatings() throws {
        let capture = try Capture(
            meetingID: 1, occurrence: now, summary: " Good \n", usefulness: 3, nextGoal: " Plan ", capturedAt: now
        ).validated()
        #expect(capture.summary == "Good" && capture.nextGoal == "Plan" && capture.usefulness == 3)
        #expect(throws: MeetingValidationError.ratingOutOfRange(field: "relationshipRating", value: 9)) {
            try Capture(meetingID: 1, occurrence: now, relationshipRating: 9, capturedAt: now).validated()
        }
        let long = String(repeating: "x", count: MentoringLimits.meetingGoalLength + 1)
        #expect(throws: MeetingValidationError.textTooLong(field: "nextGoal", length: 4001, limit: 4000)) {
            try Capture(meetingID: 1, occurrence: now, nextGoal: long, capturedAt: now).validated()
        }
    }

    @Test func keepsItemsGoalsAndOffersToOneLineWithinTheLimit() {
        let long = String(repeating: "x", count: MentoringLimits.itemLength + 1)
        #expect(throws: MeetingValidationError.textTooLong(field: "text", length: 501, limit: 500)) {
            try ActionItem(id: 0, relationshipID: 1, text: long, owner: .me, createdAt: now).validated()
        }
        #expect(throws: MeetingValidationError.multilineText(field: "text")) {
            try Topic(id: 0, relationshipID: 1, text: "a\nb", createdAt: now).validated()
        }
        #expect(throws: MeetingValidationError.emptyText(field: "statement")) {
            try LearningGoal(id: 0, relationshipID: 1, statement: "", createdAt: now).validated()
        }
        #expect(throws: MeetingValidationError.textTooLong(field: "description", length: 501, limit: 500)) {
            try Offer(id: 0, relationshipID: 1, kind: .resource, description: long, createdAt: now).validated()
        }
    }

    @Test func allowsLongMultilineAnswersUpToTheLimit() throws {
        let text = String(repeating: "line\n", count: 2000).trimmingCharacters(in: .newlines)
        let answer = try Answer(
            id: 0, meetingID: 1, occurrence: now, step: .plan, prompt: "Q", text: text, answeredAt: now
        ).validated()
        #expect(answer.text.count == 9_999)
    }
}
