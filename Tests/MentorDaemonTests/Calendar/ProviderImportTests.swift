import Foundation
import MentorCalendar
import MentorCore
import MentorProtocol
import Testing

/// Each provider's export through the whole daemon: the meetings and occurrences ListUpcoming shows
/// must be the ones the calendar shows (MentorCalendar's expansion, which ProviderFixtureTests holds
/// to recurring-ical-events), and the reminders follow moved occurrences.
struct ProviderImportTests {
    static let newYear = LocalDateTime(year: 2026, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test(arguments: ["google", "outlook", "nextcloud", "icloud", "thunderbird"])
    func importsEveryOccurrenceTheCalendarShows(provider: String) async throws {
        let daemon = try await InProcessDaemon(now: Self.newYear, userZone: berlin)
        defer { daemon.remove() }
        let path = CalendarFiles.fixture(provider)
        let reply = try await daemon.importCalendar(path)
        let file = try CalendarFile.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), floatingZone: berlin)
        let allDay = file.series.filter { $0.master?.isAllDay == true }.count
        #expect(reply.skipped.map(\.reason) == Array(repeating: "all-day event", count: allDay), "\(reply.skipped)")
        #expect(reply.added == reply.meetingIds.count && reply.added > 0 && reply.updated == 0)
        // Two windows of a year each: ListUpcoming's longest.
        let second = Self.newYear.addingTimeInterval(366 * 86_400)
        let shown =
            try await daemon.upcoming(from: Self.newYear, days: 366)
            + daemon.upcoming(from: second.addingTimeInterval(0.001), days: 365)
        let through = second.addingTimeInterval(0.001 + 365 * 86_400)
        let expected = file.series.filter { $0.master?.isAllDay != true }.flatMap {
            $0.occurrences(from: Self.newYear, through: through, limit: 10_000)
        }.filter { $0.status != .cancelled }
        #expect(expected.count > 5)
        let ours = shown.map { "\($0.start) \($0.durationSeconds)s \($0.title)" }.sorted()
        let theirs = expected.map { "\(RFC3339.utc($0.start)) \($0.durationSeconds)s \($0.title)" }.sorted()
        #expect(ours == theirs)
        #expect(shown.allSatisfy { $0.partner == "Sam" && $0.role == .mentee && !$0.reminders.isEmpty })
        try await daemon.stop()
    }

    /// Google's moved occurrence (Thursday 09:00 to Friday 14:00, retitled) reminds at its new time
    /// with its own title, and nothing reminds at the time it was moved from.
    @Test func remindsAnOccurrenceAtTheTimeAndTitleItsOverrideGives() async throws {
        let monday = LocalDateTime(year: 2026, month: 10, day: 26, hour: 12, minute: 0).instant(offset: 0)
        let daemon = try await InProcessDaemon(now: monday, userZone: berlin)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        _ = try await daemon.importCalendar(CalendarFiles.fixture("google"))
        // Friday 2026-10-30 14:00 in Berlin (CET) is 13:00 UTC; Participation comes 15 minutes before.
        let moved = LocalDateTime(year: 2026, month: 10, day: 30, hour: 13, minute: 0).instant(offset: 0)
        try await daemon.advance(to: moved.addingTimeInterval(-14 * 60))
        let cards = try await daemon.cards(of: watcher)
        let original = LocalDateTime(year: 2026, month: 10, day: 29, hour: 8, minute: 0).instant(offset: 0)
        #expect(!cards.contains { $0.occurrence == RFC3339.utc(original) })
        let last = try #require(cards.last)
        #expect(last.steps == [.participation] && last.occurrence == RFC3339.utc(moved))
        #expect(last.title == "Ada / Sam 1:1 (moved to Friday)")
        #expect(cards.filter { $0.occurrence == RFC3339.utc(moved) }.flatMap(\.steps).count == 4, "\(cards)")
        try await daemon.stop()
    }
}
