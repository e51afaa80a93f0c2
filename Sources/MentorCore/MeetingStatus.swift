/// Where a meeting stands. A cancelled meeting is kept (its notes still matter) but never reminds.
public enum MeetingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case scheduled
    case cancelled
}
