/// When a polled calendar (a URL or CalDAV collection) is fetched next: at its interval after a
/// success; after failures in a row, at the interval doubled for each (2, 4, 8 times), but never
/// later than two hours or the interval if that is longer. A calendar that cannot be reached (the
/// machine is offline) is thus asked ever less often, never in a tight loop, and a success brings
/// the interval back.
struct PollSchedule: Sendable, Hashable {
    var intervalSeconds: Int
    /// Failed fetches in a row.
    var failures = 0

    /// The longest wait after failures.
    static let longestBackoffSeconds = 2 * 3600

    /// Seconds from the end of a fetch to the next one.
    var delaySeconds: Int {
        guard failures > 0 else { return intervalSeconds }
        let doubled = intervalSeconds << min(failures, 3)
        return min(doubled, max(intervalSeconds, Self.longestBackoffSeconds))
    }
}
