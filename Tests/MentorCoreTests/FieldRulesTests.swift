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
