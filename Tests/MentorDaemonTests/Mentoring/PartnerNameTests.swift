import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// Partners by name wherever a meeting id goes: the daemon resolves a name (`FindMeeting`) so every
/// client gets it, and mentorctl takes a name in place of an id.
struct PartnerNameTests {
    let noon = InProcessDaemon.tuesdayNoon

    /// A mentor with mentees Priya, Sam Lee and Samira Khan, each with a meeting.
    private func mentor() async throws -> InProcessDaemon {
        let daemon = try await InProcessDaemon(now: noon)
        for (name, hours, recurrence) in [("Priya", 26.0, "weekly"), ("Sam Lee", 50, nil), ("Samira Khan", 74, nil)] {
            _ = try await daemon.call(
                AddMeeting.self,
                .init(
                    title: "1:1", partner: name, role: .mentor,
                    start: RFC3339.utc(noon.addingTimeInterval(hours * 3600)),
                    timeZone: "UTC", duration: "1h", recurrence: recurrence))
        }
        return daemon
    }

    @Test func findsAPartnersNextMeetingByFirstNameOrPrefix() async throws {
        let daemon = try await mentor()
        defer { daemon.remove() }
        let priya = try await daemon.call(FindMeeting.self, .init(name: "pri"))
        #expect(priya.meeting.partner == "Priya" && priya.occurrence == RFC3339.utc(noon.addingTimeInterval(26 * 3600)))
        #expect(try await daemon.call(FindMeeting.self, .init(name: "khan")).meeting.partner == "Samira Khan")
        #expect(try await daemon.call(FindMeeting.self, .init(name: "SAM")).meeting.partner == "Sam Lee")

        // "sa" fits two people: the error lists both, each with the meeting it would have picked.
        let error = try #require(await daemon.mentordError(FindMeeting.self, .init(name: "sa")))
        guard case .ambiguousName(let name, let candidates) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(name == "sa" && candidates.map(\.partner) == ["Sam Lee", "Samira Khan"])
        #expect(candidates.map(\.meetingId) == [2, 3])
        #expect(
            error.message
                == "'sa' could be Sam Lee (mentor, meeting 2) or Samira Khan (mentor, meeting 3): "
                + "type more of the name, or use the id")

        _ = try await daemon.call(AddRelationship.self, .init(partner: "Kim", role: .mentee))
        #expect(await daemon.mentordError(FindMeeting.self, .init(name: "kim")) == .noMeetingWith(partner: "Kim"))
        #expect(await daemon.mentordError(FindMeeting.self, .init(name: "bob")) == .noSuchPartner(partner: "bob"))

        // The next of a series moves on once this one is over.
        try await daemon.advance(to: noon.addingTimeInterval(27.5 * 3600))
        #expect(
            try await daemon.call(FindMeeting.self, .init(name: "priya")).occurrence
                == RFC3339.utc(noon.addingTimeInterval((26 + 7 * 24) * 3600)))
        try await daemon.stop()
    }

    @Test func capturePicksTheLatestStartedOccurrenceNotCapturedYet() async throws {
        let daemon = try await mentor()
        defer { daemon.remove() }
        let first = noon.addingTimeInterval(26 * 3600)
        try await daemon.advance(to: first.addingTimeInterval(8 * 86_400))
        let pick = try await daemon.call(FindMeeting.self, .init(name: "priya", choice: .capture))
        #expect(pick.occurrence == RFC3339.utc(first.addingTimeInterval(7 * 86_400)), "the latest one that started")
        _ = try await daemon.call(CaptureMeeting.self, .init(meetingId: pick.meeting.id, occurrence: pick.occurrence))
        #expect(
            try await daemon.call(FindMeeting.self, .init(name: "priya", choice: .capture)).occurrence
                == RFC3339.utc(first), "then the one before, still without a capture")
        try await daemon.stop()
    }

    @Test func everyNameCommandTakesAFirstNameAndListingByAnUnknownNameIsAnError() async throws {
        let daemon = try await mentor()
        defer { daemon.remove() }
        _ = try await daemon.call(AddGoal.self, .init(partner: "priya", statement: "Ship the migration"))
        #expect(try await daemon.call(ListGoals.self, .init(partner: "PRI")).goals.count == 1)
        #expect(try await daemon.call(GetHistory.self, .init(partner: "lee")).relationship.partner == "Sam Lee")
        #expect(
            try await daemon.call(ListMeetings.self, .init(partner: "khan")).meetings.map(\.partner) == ["Samira Khan"])
        #expect(await daemon.mentordError(ListMeetings.self, .init(partner: "aiko")) == .noSuchPartner(partner: "aiko"))
        // A first name adds to the existing relationship instead of creating "priya" beside "Priya".
        let added = try await daemon.call(
            AddMeeting.self, .init(title: "Extra", partner: "priya", start: "2036-06-20 10:00", timeZone: "UTC"))
        #expect(added.meeting.partner == "Priya")
        #expect(try await daemon.call(ListRelationships.self, NoParameters()).relationships.count == 3)
        try await daemon.stop()
    }

    @Test func mentorctlTakesANameWhereverAMeetingIdGoes() async throws {
        let daemon = try await mentor()
        defer { daemon.remove() }
        let shown = try await daemon.ctl(["show", "priya"])
        #expect(shown.status == 0 && shown.stdout.contains("With:       Priya (you are the mentor)"), "\(shown)")
        #expect(shown.stdout.contains("Next:       Wed 2036-06-11 14:00 +00:00"), "\(shown)")
        let done = try await daemon.ctl(["done", "priya", "Plan"])
        #expect(
            done.stdout == "Marked Plan of 1:1 with Priya (meeting 1), Wed 2036-06-11 14:00 +00:00 done\n", "\(done)")
        #expect(try await daemon.states(of: 1, at: noon.addingTimeInterval(26 * 3600))[.plan] == "done")
        let ambiguous = try await daemon.ctl(["prep", "sa", "--show"])
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("Sam Lee (mentor, meeting 2)"), "\(ambiguous)")
        let prep = try await daemon.ctl(["prep", "samira", "preparation", "--show"])
        #expect(prep.status == 0 && prep.stdout.hasPrefix("Preparation for 1:1 with Samira Khan"), "\(prep)")
        let refused = try await daemon.ctl(["prep", "priya", "capture"])
        #expect(refused.status == 64 && refused.stderr.contains("mentorctl capture priya"), "\(refused)")
        // On a series, a name and --at move that one occurrence, not the series.
        let moved = try await daemon.ctl(["edit", "priya", "--at", "2036-06-11 16:00"])
        #expect(
            moved.status == 0 && moved.stdout.contains("Moved the Wed 2036-06-11 14:00 +00:00 occurrence"), "\(moved)")
        let series = try await daemon.call(GetMeeting.self, .init(id: 1)).meeting
        #expect(series.start == RFC3339.utc(noon.addingTimeInterval(26 * 3600)))
        let upcoming = try await daemon.call(ListUpcoming.self, .init(days: 8)).occurrences.filter { $0.meetingId == 1 }
        #expect(upcoming.first?.localStart == "2036-06-11T16:00:00+00:00")
        try await daemon.stop()
    }
}
