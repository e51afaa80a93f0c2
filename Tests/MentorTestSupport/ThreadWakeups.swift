import Foundation

/// Context switches per thread of a process, from `/proc/PID/task/*/status`: how often each
/// thread went to sleep and was woken again.
public struct ThreadWakeups: Sendable {
    /// Voluntary plus involuntary switches, by thread id, with the thread's name.
    public let threads: [Int32: (name: String, switches: Int)]

    /// Reads the counts of every thread of `pid` now.
    public init(pid: Int32) {
        var threads: [Int32: (name: String, switches: Int)] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            guard let tid = Int32(task),
                let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            else { continue }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8)) ?? "?"
            let switches = status.split(separator: "\n").filter { $0.contains("ctxt_switches") }
                .compactMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            threads[tid] = (name.trimmingCharacters(in: .whitespacesAndNewlines), switches.reduce(0, +))
        }
        self.threads = threads
    }

    /// The wake-ups since `earlier`, counted on the threads alive at both readings (a thread that
    /// ends in between wakes once to end, which is not a periodic wake-up), named by thread.
    public func since(_ earlier: ThreadWakeups) -> (total: Int, byThread: [String]) {
        var total = 0
        var byThread: [String] = []
        for (tid, now) in threads.sorted(by: { $0.key < $1.key }) {
            guard let before = earlier.threads[tid], now.switches > before.switches else { continue }
            total += now.switches - before.switches
            byThread.append("\(now.name) (\(tid)): \(now.switches - before.switches)")
        }
        return (total, byThread)
    }
}
