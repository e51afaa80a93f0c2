import Foundation

/// One occurrence of a meeting: the meeting and the occurrence's start, which identifies it within a
/// series (the original start, also when the occurrence was moved).
public struct MeetingOccurrence: Sendable, Hashable {
    public var meetingID: Int64
    public var occurrence: Date

    public init(meetingID: Int64, occurrence: Date) {
        self.meetingID = meetingID
        self.occurrence = occurrence
    }
}
