import Foundation

/// What became of the commitments made over a span, for a review.
public struct CommitmentTally: Sendable, Hashable {
    /// Made in the span.
    public var made: Int
    /// Of those, done.
    public var kept: Int
    /// Of those, dropped.
    public var dropped: Int
    /// Of those, still open.
    public var open: Int
    /// Of the open ones, carried into at least one meeting after the one they came up in.
    public var carried: Int

    public init(made: Int = 0, kept: Int = 0, dropped: Int = 0, open: Int = 0, carried: Int = 0) {
        self.made = made
        self.kept = kept
        self.dropped = dropped
        self.open = open
        self.carried = carried
    }

    /// Counts the action items made from `from` up to `to`.
    public static func count(_ items: [ActionItem], from: Date, to: Date) -> CommitmentTally {
        var tally = CommitmentTally()
        for item in items where item.createdAt >= from && item.createdAt <= to {
            tally.made += 1
            switch item.status {
            case .done: tally.kept += 1
            case .dropped: tally.dropped += 1
            case .open:
                tally.open += 1
                if item.timesCarried > 0 { tally.carried += 1 }
            }
        }
        return tally
    }
}
