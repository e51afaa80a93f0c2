import Foundation
import MentorCalendar
import MentorCore
import Testing

/// One file per provider quirk (Fixtures/, written from docs/calendar.md and CALENDAR.md's descriptions,
/// with invented people): each must read without a refusal and expand as recurring-ical-events does.
struct ProviderFixtureTests {
    static let fixtures = ["google", "outlook", "nextcloud", "icloud", "thunderbird"]
    static let from = LocalDateTime(year: 2026, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
    static let to = LocalDateTime(year: 2028, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "ics")!.path
    }

    private func read(_ name: String) throws -> CalendarFile {
        try CalendarFile.read([UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path(name)))), floatingZone: berlin)
    }

    @Test func everyFixtureExpandsAsTheOracleExpandsIt() throws {
        let oracle = try Oracle.expand(
            Self.fixtures.map { .init(path: Self.path($0), from: Self.from, to: Self.to) },
            floatingZone: "Europe/Berlin")
        for name in Self.fixtures {
            #expect(try read(name).refused.isEmpty, "\(name)")
            let ours = try Oracle.mentord(Self.path(name), from: Self.from, to: Self.to, floatingZone: berlin)
            let theirs = try #require(oracle[Self.path(name)])
            #expect(theirs.count > 5, "\(name) has occurrences")
            if let difference = DifferentialTests.firstDifference(ours, theirs, zone: berlin) {
                Issue.record("\(name): \(difference)")
            }
        }
    }

    @Test func googleSeriesRepeatAtTheCalendarsWallTimeAndKeepTheSplit() throws {
        let file = try read("google")
        #expect(file.timeZoneName == "Europe/Berlin")
        #expect(file.series.map(\.uid).contains("7kq3mentoring0001_R20261112T080000@google.com"))
        let weekly = try #require(file.series.first { $0.uid == "7kq3mentoring0001@google.com" })
        let starts = weekly.occurrences(from: Self.from, through: Self.to).map { RFC3339.local($0.start, in: berlin) }
        #expect(starts == ["2026-10-15T09:00:00+02:00", "2026-10-30T14:00:00+01:00", "2026-11-05T09:00:00+01:00"])
        let declined = try #require(file.series.first { $0.uid == "2b9xallhands0002@google.com" }?.master)
        #expect(declined.attendees.first?.participation == "DECLINED")
        #expect(file.series.first { $0.uid == "9zz1holiday0003@google.com" }?.master?.isAllDay == true)
    }

    @Test func outlookZonesComeFromTheWindowsTableAndTheFilesOwnRules() throws {
        let file = try read("outlook")
        let zones = file.series.compactMap { $0.master?.zone.identifier }
        #expect(zones == ["Europe/Berlin", "America/New_York", "Customized Time Zone"])
        let invitation = try #require(file.series.last)
        #expect(invitation.master == nil)
        #expect(invitation.occurrences(from: Self.from, through: Self.to).count == 1)
        let monthly = try #require(file.series.first?.occurrences(from: Self.from, through: Self.to))
        #expect(
            monthly.prefix(4).map { RFC3339.local($0.start, in: berlin) }
                == [
                    "2026-01-08T09:00:00+01:00", "2026-02-12T09:00:00+01:00", "2026-03-13T14:30:00+01:00",
                    "2026-04-09T09:00:00+02:00",
                ])
    }

    @Test func thunderbirdCancelsOneOccurrenceWithAnOverride() throws {
        let file = try read("thunderbird")
        let occurrences = try #require(file.series.first?.occurrences(from: Self.from, through: Self.to))
        #expect(
            occurrences.filter { $0.status == .cancelled }.map { RFC3339.local($0.start, in: berlin) }
                == ["2026-03-30T10:00:00+02:00"])
        #expect(file.series.last?.master?.zone.identifier == "America/New_York")
    }
}
