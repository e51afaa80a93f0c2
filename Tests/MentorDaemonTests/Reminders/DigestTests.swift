import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

@testable import MentorDaemon

/// A mentor with mentees on Monday, Tuesday and Wednesday: with the default schedule, their
/// day-based cards all fall on Friday at the prep hour. The digest sends them as one card.
struct DigestTests {
    /// Tuesday 2036-06-10 12:00 UTC.
    let noon = InProcessDaemon.tuesdayNoon
    let day: TimeInterval = 86_400

    /// The product's schedule in UTC, without the channels a test has no use for.
    private func configuration(digest: Bool) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.reminders.digest = digest
        configuration.channels.desktop = false
        configuration.channels.journal = false
        return configuration
    }

    /// Weekly meetings with Priya (Monday), Sam (Tuesday) and Ana (Wednesday), each at 10:00 UTC.
    private func mentor(digest: Bool, in directory: TemporaryDirectory? = nil) async throws -> InProcessDaemon {
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration(digest: digest), in: directory)
        for (partner, start) in [
            ("Priya", "2036-06-16 10:00"), ("Sam", "2036-06-17 10:00"), ("Ana", "2036-06-18 10:00"),
        ] {
            _ = try await daemon.call(
                AddMeeting.self,
                .init(
                    title: "1:1", partner: partner, role: .mentor, start: start, timeZone: "UTC",
                    purpose: "Aim \(partner)",
                    recurrence: "weekly"))
        }
        _ = try await daemon.call(
            AddItem.self, .init(kind: "action", partner: "Sam", text: "Draft the RFC", owner: "partner"))
        try await daemon.settle()
        return daemon
    }

    @Test func sendsTheDayBasedCardsOfOnePrepHourAsOneDigest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try await mentor(digest: true, in: directory)
        let watcher = try await daemon.watch()
        let friday = noon.addingTimeInterval(3 * day - 2 * 3600)
        try await daemon.advance(to: friday.addingTimeInterval(60))
        let cards = try await daemon.cards(of: watcher)
        try #require(cards.count == 1, "\(cards.map(DisplayText.headline))")
        let digest = cards[0]
        #expect(digest.kind == .digest && digest.dueAt == RFC3339.utc(friday))
        let entries = try #require(digest.meetings)
        #expect(entries.map(\.partner) == ["Priya", "Sam", "Ana"], "earliest meeting first")
        #expect(entries.map(\.steps) == [[.purpose, .preparation], [.purpose], [.purpose]])
        #expect(entries.map(\.aim) == ["Aim Priya", "Aim Sam", "Aim Ana"])
        #expect(entries[1].openItems == ["Draft the RFC (partner)"])
        #expect(entries.allSatisfy { !$0.prompts.flatMap(\.prompts).isEmpty })
        #expect(digest.notes.count == 3 && digest.notes[1].contains("Open: Draft the RFC (partner)"), "\(digest.notes)")
        #expect(
            try await daemon.states(of: 2, at: noon.addingTimeInterval(7 * day - 2 * 3600))[.purpose] == "delivered")
        try await daemon.stop()

        // Sent once: a restart finds every step delivered. Monday's lone day-based card (Sam's
        // Preparation) is a card of its own.
        let again = try await InProcessDaemon(
            now: friday.addingTimeInterval(300), configuration: configuration(digest: true), in: directory)
        let later = try await again.watch()
        try await again.advance(to: friday.addingTimeInterval(3 * day))
        let monday = try await again.cards(of: later).filter {
            $0.dueAt == RFC3339.utc(friday.addingTimeInterval(3 * day))
        }
        #expect(
            monday.map(\.kind) == [.meeting] && monday.first?.steps == [.preparation],
            "\(monday.map(DisplayText.headline))")
        #expect(try await again.cards(of: later).allSatisfy { $0.kind != .digest })
        try await again.stop()
    }

    @Test func sendsThemApartWithTheDigestOff() async throws {
        let daemon = try await mentor(digest: false)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.advance(to: noon.addingTimeInterval(3 * day - 2 * 3600 + 60))
        let cards = try await daemon.cards(of: watcher)
        #expect(cards.map(\.kind) == [.meeting, .meeting, .meeting])
        try await daemon.stop()
    }
}
