import Foundation
import MentorCore
import Testing

/// What a calendar's change of a series does to the occurrences that hold something.
struct OccurrenceRemapTests {
    let utc = TimeZone(identifier: "UTC")!
    /// Wednesday 2036-06-11 15:00 UTC.
    let start = Date(timeIntervalSince1970: 2_096_812_800)
    var now: Date { start.addingTimeInterval(-86_400) }

    private func weekly(from first: Date, exceptions: [Date: Date?] = [:], additions: [Date] = []) throws -> Meeting {
        var meeting = Meeting(
            id: 1, relationship: Relationship(id: 1, partner: "Sam", role: .mentee, createdAt: now), title: "1:1",
            start: first, timeZone: utc, durationSeconds: 3600, purpose: "", status: .scheduled,
            recurrence: try Recurrence.parse("FREQ=WEEKLY;COUNT=4"), createdAt: now, updatedAt: now)
        meeting.exceptions = exceptions
        meeting.additions = additions
        return meeting
    }

    @Test func movesEachOccurrenceToTheSameDayAndNeverOntoOneThatKeepsItsOwn() throws {
        let old = try weekly(from: start)
        let new = try weekly(from: start.addingTimeInterval(3600))
        let week = TimeInterval(7 * 86_400)
        let keys = [start, start.addingTimeInterval(week), start.addingTimeInterval(-week)]
        let moves = OccurrenceRemap.moves(from: old, to: new, keys: keys, now: now)
        // Later moves run from the last: a chain never writes onto an occurrence still to move.
        #expect(
            moves.map { "\($0.from.timeIntervalSince(start)) -> \($0.to.timeIntervalSince(start))" } == [
                "\(week) -> \(week + 3600)", "0.0 -> 3600.0",
            ], "the occurrence that has ended stays")
    }

    @Test func followsAnOverrideByItsOriginalStartAndLeavesACancelledOneAlone() throws {
        let second = start.addingTimeInterval(7 * 86_400)
        let third = start.addingTimeInterval(14 * 86_400)
        let old = try weekly(from: start)
        let exceptions: [Date: Date?] = [second: .some(second.addingTimeInterval(86_400)), third: Date?.none]
        let new = try weekly(from: start, exceptions: exceptions)
        let moves = OccurrenceRemap.moves(from: old, to: new, keys: [second, third], now: now)
        #expect(moves.map(\.from) == [second] && moves.map(\.to) == [second.addingTimeInterval(86_400)])
    }

    @Test func aSeriesExpandsItsAdditionsAndTheirOwnTitles() throws {
        let extra = start.addingTimeInterval(2 * 86_400)
        var meeting = try weekly(from: start, additions: [extra])
        meeting.exceptions = [extra: .some(extra.addingTimeInterval(3600))]
        meeting.occurrenceOverrides = [extra: OccurrenceOverride(title: "Extra", durationSeconds: 1800)]
        let moved = extra.addingTimeInterval(3600)
        let starts = meeting.occurrences(from: now, through: now.addingTimeInterval(30 * 86_400))
        #expect(starts.count == 5 && starts[1] == moved)
        #expect(meeting.title(ofOccurrenceAt: moved) == "Extra" && meeting.title(ofOccurrenceAt: start) == "1:1")
        #expect(meeting.end(ofOccurrenceAt: moved) == moved.addingTimeInterval(1800))
        #expect(meeting.isScheduledOccurrence(extra) && meeting.originalOccurrence(at: moved) == extra)
        #expect(meeting.longestDurationSeconds == 3600)
    }
}
