import Foundation
import MentorCore
import Testing

struct QuietRuleTests {
    let created = Date(timeIntervalSince1970: 2_096_712_000)
    let day: TimeInterval = 86_400

    private func meeting(at start: Date, rule: String? = nil) throws -> Meeting {
        Meeting(
            id: 1, relationship: Relationship(id: 1, partner: "Sam", role: .mentor, createdAt: created), title: "1:1",
            start: start, timeZone: TimeZone(identifier: "UTC")!, durationSeconds: 3600, purpose: "",
            status: .scheduled, recurrence: try rule.map { try Recurrence.parse($0) }, createdAt: created,
            updatedAt: created)
    }

    @Test(arguments: [
        ("weekly", 7), ("Fortnightly", 14), ("bi-weekly", 14), ("monthly", 30), ("every 2 weeks", 14),
        ("every 10 days", 10), ("every month", 30), ("twice a month", 15), ("3w", 21), ("quarterly", 91),
    ])
    func readsTheCadencesPeopleWrite(text: String, days: Int) {
        #expect(QuietRule.seconds(ofCadence: text) == days * 86_400)
    }

    @Test(arguments: ["", "when we can", "every now and then", "2h", "every 0 weeks"])
    func ignoresCadencesItCannotRead(text: String) {
        #expect(QuietRule.seconds(ofCadence: text) == nil)
    }

    @Test func goesQuietOneAndAHalfCadencesAfterTheLastContact() throws {
        let none = RelationshipContact(since: created, meetings: [], lastCapture: nil)
        #expect(QuietRule.quietSince(cadence: "weekly", contact: none) == created + 10.5 * day)
        let met = RelationshipContact(
            since: created, meetings: [try meeting(at: created + 20 * day)], lastCapture: created + 21 * day)
        #expect(
            QuietRule.quietSince(cadence: "weekly", contact: met) == created + 31.5 * day, "the later capture counts")
        #expect(QuietRule.quietSince(cadence: "", contact: met) == nil, "no cadence, never quiet")
    }

    @Test func aSeriesThatGoesOnNeverGoesQuietAndOneThatEndsDoesAfterItsLast() throws {
        let endless = RelationshipContact(
            since: created, meetings: [try meeting(at: created, rule: "FREQ=WEEKLY")], lastCapture: nil)
        #expect(QuietRule.quietSince(cadence: "weekly", contact: endless) == nil)
        let four = RelationshipContact(
            since: created, meetings: [try meeting(at: created, rule: "FREQ=WEEKLY;COUNT=4")], lastCapture: nil)
        #expect(QuietRule.quietSince(cadence: "weekly", contact: four) == created + (21 + 10.5) * day)
    }
}
