import Foundation
import MentorCore
import MentorTestSupport
import Testing

struct DeadlineQueueTests {
    private func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    @Test func returnsTheEarliestAndPopsWhatIsDue() {
        var queue = DeadlineQueue<Int>()
        queue.set(1, at(30))
        queue.set(2, at(10))
        queue.set(3, at(20))
        #expect(queue.peek()?.key == 2)
        #expect(queue.popDue(atOrBefore: at(20)) == [2, 3])
        #expect(queue.peek()?.key == 1 && queue.count == 1)
    }

    @Test func forgetsReplacedAndRemovedDeadlines() {
        var queue = DeadlineQueue<Int>()
        queue.set(1, at(10))
        queue.set(1, at(50))
        queue.set(2, at(20))
        queue.set(2, nil)
        #expect(queue.peek()?.deadline == at(50))
        #expect(queue.popDue(atOrBefore: at(40)).isEmpty)
    }

    /// Property: after random sets and removals, pops come out in order and match a plain dictionary.
    @Test func agreesWithASortedDictionary() {
        var generator = SplitMix64(seed: 5)
        var queue = DeadlineQueue<Int>()
        var model: [Int: Date] = [:]
        for _ in 0..<5000 {
            let key = Int(generator.next() % 200)
            let deadline: Date? = generator.next() % 5 == 0 ? nil : at(Double(generator.next() % 10_000))
            queue.set(key, deadline)
            model[key] = deadline
        }
        let popped = queue.popDue(atOrBefore: at(20_000))
        #expect(popped.count == model.count)
        #expect(popped.map { model[$0]! } == model.values.sorted())
    }
}
