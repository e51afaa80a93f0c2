import Foundation

/// The earliest deadline among many keys, in O(log n) per change: a binary min-heap with lazy
/// deletion. The reminder engine keeps one entry per meeting (its next card), so adding or editing
/// one meeting among 100,000 re-arms without touching the others.
public struct DeadlineQueue<Key: Hashable & Sendable>: Sendable {
    private var heap: [(deadline: Date, key: Key)] = []
    /// The live deadline of each key; heap entries that disagree are stale and skipped.
    private var current: [Key: Date] = [:]

    public init() {}

    /// Number of keys with a deadline.
    public var count: Int { current.count }

    /// Sets (or with nil removes) the deadline of `key`.
    public mutating func set(_ key: Key, _ deadline: Date?) {
        current[key] = deadline
        guard let deadline else { return }
        heap.append((deadline, key))
        siftUp(heap.count - 1)
        // Stale entries pile up when keys are re-set often; rebuild once they dominate.
        if heap.count > 64 && heap.count > 2 * current.count { rebuild() }
    }

    /// The earliest deadline and its key.
    public mutating func peek() -> (deadline: Date, key: Key)? {
        dropStale()
        return heap.first
    }

    /// Removes and returns every key whose deadline is at or before `instant`, earliest first.
    public mutating func popDue(atOrBefore instant: Date) -> [Key] {
        var due: [Key] = []
        while let top = peek(), top.deadline <= instant {
            removeTop()
            current[top.key] = nil
            due.append(top.key)
        }
        return due
    }

    private mutating func dropStale() {
        while let top = heap.first, current[top.key] != top.deadline { removeTop() }
    }

    private mutating func rebuild() {
        heap = current.map { ($0.value, $0.key) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func removeTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
