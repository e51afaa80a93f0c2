import Foundation
import MentorCore
import Testing

/// The counts `mentorctl review` shows, on fixed values.
struct ReviewTallyTests {
    let start = Date(timeIntervalSince1970: 2_096_712_000)
    let week: TimeInterval = 7 * 86_400
    let utc = TimeZone(identifier: "UTC")!

    private func weekly(status: MeetingStatus = .scheduled, updated: Date? = nil) throws -> Meeting {
        Meeting(
            id: 1, relationship: Relationship(id: 1, partner: "Sam", role: .mentor, createdAt: start), title: "1:1",
            start: start, timeZone: utc, durationSeconds: 3600, purpose: "", status: status,
            recurrence: try Recurrence.parse("FREQ=WEEKLY"), createdAt: start, updatedAt: updated ?? start)
    }

    @Test func countsMeetingsHeldNotCapturedAndCancelledAgainstTheCadence() throws {
        var meeting = try weekly()
        meeting.exceptions[start + 2 * week] = .some(nil)
        let captured: Set<MeetingOccurrence> = [
            MeetingOccurrence(meetingID: 1, occurrence: start),
            MeetingOccurrence(meetingID: 1, occurrence: start + week),
        ]
        let tally = MeetingTally.count(
            [meeting], captured: captured, from: start, to: start + 5 * week + 1, cadence: "weekly")
        #expect(tally == MeetingTally(held: 2, notCaptured: 3, cancelled: 1, expected: 5))
        // A series cancelled as a whole: what came after counts as cancelled.
        let stopped = try weekly(status: .cancelled, updated: start + week + 60)
        let after = MeetingTally.count(
            [stopped], captured: captured, from: start, to: start + 3 * week + 1, cadence: "")
        #expect(after == MeetingTally(held: 2, notCaptured: 0, cancelled: 2, expected: nil))
    }

    @Test func countsCommitmentsKeptDroppedAndCarried() {
        func item(_ status: ItemStatus, carried: Int = 0, at offset: TimeInterval = 0) -> ActionItem {
            ActionItem(
                id: 1, relationshipID: 1, text: "x", owner: .me, status: status, createdAt: start + offset,
                timesCarried: carried)
        }
        let items = [
            item(.done), item(.done), item(.dropped), item(.open, carried: 2), item(.open), item(.done, at: -60),
        ]
        #expect(
            CommitmentTally.count(items, from: start, to: start + week)
                == CommitmentTally(made: 5, kept: 2, dropped: 1, open: 2, carried: 1))
    }
}
