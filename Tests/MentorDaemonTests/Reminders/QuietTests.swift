import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// A relationship with a cadence and nothing scheduled or captured for 1.5 cadences gets one nudge,
/// and `relationship list` shows it; a meeting ends the spell, and the next spell nudges again.
struct QuietTests {
    let noon = InProcessDaemon.tuesdayNoon
    let day: TimeInterval = 86_400

    @Test func nudgesOnceWhenARelationshipGoesQuietAndAgainAfterTheNextMeeting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try await InProcessDaemon(now: noon, in: directory)
        let watcher = try await daemon.watch()
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Priya", role: .mentor, cadence: "weekly"))
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Kim", role: .mentor))
        let quiet = noon.addingTimeInterval(10.5 * day)
        try await daemon.advance(to: quiet.addingTimeInterval(-1))
        #expect(try await daemon.cards(of: watcher).isEmpty)
        #expect(
            try await daemon.call(ListRelationships.self, NoParameters()).relationships.allSatisfy {
                $0.quietSince == nil
            })

        try await daemon.advance(to: quiet.addingTimeInterval(3 * day))
        let cards = try await daemon.cards(of: watcher)
        #expect(cards.map(\.kind) == [.quiet] && cards.first?.partner == "Priya", "once, and Kim has no cadence")
        #expect(cards.first?.dueAt == RFC3339.utc(quiet) && cards.first?.relationshipId == 1)
        let listed = try await daemon.call(ListRelationships.self, NoParameters()).relationships
        #expect(listed.map(\.quietSince) == [nil, RFC3339.utc(quiet)])
        let shown = try await daemon.ctl(["relationship", "list"])
        #expect(shown.stdout.contains("quiet since 2036-06-21"), "\(shown)")
        #expect(daemon.timer.deadline == nil, "nothing left to wake up for")
        try await daemon.stop()

        // Not again after a restart; a meeting ends the spell, and 1.5 weeks after it the next one.
        let again = try await InProcessDaemon(now: quiet.addingTimeInterval(4 * day), in: directory)
        let later = try await again.watch()
        try await again.settle()
        #expect(try await again.cards(of: later).isEmpty)
        let met = quiet.addingTimeInterval(5 * day)
        _ = try await again.call(
            AddMeeting.self, .init(title: "Catch-up", partner: "priya", start: RFC3339.utc(met), timeZone: "UTC"))
        #expect(
            try await again.call(ListRelationships.self, NoParameters()).relationships.allSatisfy {
                $0.quietSince == nil
            })
        try await again.advance(to: met.addingTimeInterval(10.5 * day + 60))
        #expect(
            try await again.cards(of: later).filter { $0.kind == .quiet }.map(\.dueAt) == [
                RFC3339.utc(met.addingTimeInterval(10.5 * day))
            ])
        try await again.stop()
    }
}
