import Foundation
import MentorCore
import Testing

struct DigestRuleTests {
    let start = Date(timeIntervalSince1970: 2_097_000_000)

    private func card(_ steps: [Step], late: Bool = false) -> ReminderCard {
        ReminderCard(meetingID: 1, occurrence: start, steps: steps, dueAt: start - 86_400, late: late)
    }

    @Test func holdsOnlyOnTimeCardsWhoseEveryStepIsDayBased() {
        let policy = ReminderPolicy.standard
        #expect(DigestRule.mayHold(card([.purpose]), policy: policy))
        #expect(DigestRule.mayHold(card([.purpose, .preparation]), policy: policy))
        #expect(!DigestRule.mayHold(card([.purpose], late: true), policy: policy), "a late card goes out at once")
        #expect(!DigestRule.mayHold(card([.preparation, .plan]), policy: policy), "Plan is hours before, not days")
        #expect(!DigestRule.mayHold(card([.capture]), policy: policy))
        var off = policy
        off.digest = false
        #expect(!DigestRule.mayHold(card([.purpose]), policy: off))
        var hours = policy
        hours.offsets[.purpose] = 36 * 3600
        #expect(!DigestRule.mayHold(card([.purpose]), policy: hours), "36h is not a whole number of days")
    }

    /// The scheduler side: cards due together are held for their day and handed over once.
    @Test func theSchedulerHoldsTheCardsOfOnePrepHourForTheirDigest() throws {
        let utc = TimeZone(identifier: "UTC")!
        var scheduler = ReminderScheduler(rules: ReminderRules(policy: .standard, userZone: utc))
        let friday = Date(timeIntervalSince1970: 2_096_964_000)  // Fri 2036-06-13 10:00 UTC
        func meeting(_ id: Int64, daysAfter days: Double) -> Meeting {
            Meeting(
                id: id, relationship: Relationship(id: id, partner: "P\(id)", role: .mentor, createdAt: friday),
                title: "1:1", start: friday + days * 86_400, timeZone: utc, durationSeconds: 3600, purpose: "",
                status: .scheduled, createdAt: friday, updatedAt: friday)
        }
        for (id, days) in [(Int64(1), 3.0), (2, 4.0)] {
            let decisions = scheduler.plan(meeting(id, daysAfter: days), ledger: [:], now: friday)
            #expect(decisions.allSatisfy { $0.deliver == nil }, "held, not delivered")
        }
        let day = LocalDateTime(friday, in: utc).dayNumber
        #expect(scheduler.deadline() == friday)
        #expect(scheduler.due(at: friday).contains(.digest(day)))
        #expect(scheduler.takeDigest(day: day).map(\.meetingID) == [1, 2])
        #expect(scheduler.takeDigest(day: day).isEmpty, "handed over once")

        // A meeting cancelled before the digest goes out leaves it.
        _ = scheduler.plan(meeting(3, daysAfter: 3), ledger: [:], now: friday)
        var cancelled = meeting(3, daysAfter: 3)
        cancelled.status = .cancelled
        _ = scheduler.plan(cancelled, ledger: [:], now: friday)
        #expect(scheduler.takeDigest(day: day).isEmpty)
    }
}
