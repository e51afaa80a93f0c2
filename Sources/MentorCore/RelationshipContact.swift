import Foundation

/// When a relationship last had contact, as the "gone quiet" rule sees it: its meetings (scheduled
/// ones, with their exceptions), its latest capture, and when it began.
public struct RelationshipContact: Sendable, Hashable {
    /// When the relationship began: added, or the start day it was given when that is later.
    public var since: Date
    /// Its scheduled series and latest scheduled single meeting (earlier ones cannot be the last
    /// contact); cancelled meetings are no contact.
    public var meetings: [Meeting]
    /// When its latest capture was written, if any.
    public var lastCapture: Date?

    public init(since: Date, meetings: [Meeting], lastCapture: Date?) {
        self.since = since
        self.meetings = meetings
        self.lastCapture = lastCapture
    }

    /// The most occurrences of one series looked through for its last one; a longer series is
    /// treated as going on (it will not go quiet for years).
    static let occurrenceLimit = 10_000

    /// The latest contact: `since`, the latest capture, or the last occurrence of any of its
    /// meetings, past or scheduled ahead; nil while a series goes on without end, since a
    /// relationship that keeps meeting is not quiet.
    public var lastContact: Date? {
        var latest = max(since, lastCapture ?? since)
        for meeting in meetings {
            guard let recurrence = meeting.recurrence else {
                latest = max(latest, meeting.start)
                continue
            }
            if recurrence.end == .never { return nil }
            let reach =
                meeting.exceptions.compactMap { original, moved in moved.map { abs($0.timeIntervalSince(original)) } }
                .max() ?? 0
            let all = meeting.occurrences(
                from: meeting.start.addingTimeInterval(-reach), through: .distantFuture,
                limit: Self.occurrenceLimit + 1)
            guard all.count <= Self.occurrenceLimit else { return nil }
            if let last = all.max() { latest = max(latest, last) }
        }
        return latest
    }
}
