import Foundation
import MentorCore
import Testing

struct PhaseReviewTests {
    let since = Date(timeIntervalSince1970: 2_096_712_000)
    let week: TimeInterval = 7 * 86_400

    @Test func fallsDueEveryThirteenWeeksByDefault() {
        let every = PhaseReview.defaultInterval
        #expect(!PhaseReview.isDue(phase: .cultivation, since: since, every: every, now: since + 13 * week - 1))
        #expect(PhaseReview.isDue(phase: .cultivation, since: since, every: every, now: since + 13 * week))
        #expect(PhaseReview.dueAt(phase: .separation, since: since, every: every) == since + 13 * week)
    }

    @Test func reviewsInitiationAfterItsUsualSpan() {
        let every = PhaseReview.defaultInterval
        #expect(PhaseReview.dueAt(phase: .initiation, since: since, every: every) == since + 6 * week)
        // A shorter interval than initiation's span wins.
        #expect(PhaseReview.dueAt(phase: .initiation, since: since, every: 14 * 86_400) == since + 2 * week)
    }

    @Test func neverFallsDueWhenReviewsAreOff() {
        #expect(PhaseReview.dueAt(phase: .initiation, since: since, every: nil) == nil)
        #expect(!PhaseReview.isDue(phase: .cultivation, since: since, every: nil, now: .distantFuture))
    }
}
