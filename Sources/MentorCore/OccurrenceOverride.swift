/// What one occurrence of a series has of its own besides its start: a title or a length, as a
/// calendar's override (a `VEVENT` with `RECURRENCE-ID`) gives them. A nil field is the meeting's.
public struct OccurrenceOverride: Sendable, Hashable {
    public var title: String?
    public var durationSeconds: Int?

    public init(title: String? = nil, durationSeconds: Int? = nil) {
        self.title = title
        self.durationSeconds = durationSeconds
    }
}
