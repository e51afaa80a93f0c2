import Foundation
import MentorCalendar
import MentorCore
import Testing

/// How a read file becomes meetings and skips, without a daemon.
struct ImportPlanTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let now = LocalDateTime(year: 2026, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)

    private func plan(_ name: String, options: ImportOptions? = nil) throws -> ImportPlan {
        let file = try CalendarFile.read(
            [UInt8](Data(contentsOf: URL(fileURLWithPath: ProviderFixtureTests.path(name)))), floatingZone: berlin)
        return ImportPlan.make(
            file, options: options ?? ImportOptions(partner: ("Sam", .mentee), userZone: berlin, now: now))
    }

    /// Outlook's "Customized Time Zone" (+12/+13, April and September changes) is New Zealand's: the
    /// zone the Windows table names for that region is preferred over its aliases.
    @Test func matchesAFilesOwnZoneToTheIANAZoneWithTheSameOffsets() throws {
        let zones = try plan("outlook").entries.map(\.event.timeZone.identifier)
        #expect(zones == ["Europe/Berlin", "America/New_York", "Pacific/Auckland", "Europe/Berlin"])
        let matcher = ZoneMatcher(userZone: berlin, from: now)
        let text = """
            BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Nowhere\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0117\r
            TZOFFSETTO:+0117\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n
            """
        let component = try #require(try CalendarReader.components(Array(text.utf8)).first?.components.first)
        #expect(matcher.zone(matching: try DefinedTimeZone(component)) == nil)
    }

    @Test func keepsAnOverridesMoveTitleAndLengthAndAddsWhatTheRuleDoesNotGive() throws {
        let series = try #require(try plan("google").entries.first?.event)
        let original = LocalDateTime(year: 2026, month: 10, day: 29, hour: 8, minute: 0).instant(offset: 0)
        let moved = LocalDateTime(year: 2026, month: 10, day: 30, hour: 13, minute: 0).instant(offset: 0)
        #expect(series.exceptions[original] == .some(moved))
        #expect(series.occurrenceOverrides[original] == OccurrenceOverride(title: "Ada / Sam 1:1 (moved to Friday)"))
        #expect(series.timeZone.identifier == "Europe/Berlin" && series.recurrence?.rule.contains("BYDAY=TH") == true)
        // The Exchange invitation: an override alone, keyed by its RECURRENCE-ID.
        let invitation = try #require(try plan("outlook").entries.last?.event)
        #expect(invitation.recurrence == nil && invitation.recurrenceID != nil)
    }

    @Test func makesATitleOfAnySummary() throws {
        let text = """
            BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20360611T150000Z\r\nSUMMARY:  \r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20360611T150000Z\r\nSUMMARY:Two\\nlines\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let file = try CalendarFile.read(Array(text.utf8), floatingZone: berlin)
        let plan = ImportPlan.make(file, options: ImportOptions(partner: ("Sam", .mentee), userZone: berlin, now: now))
        #expect(plan.entries.map(\.event.title) == ["(No title)", "Two lines"])
        #expect(plan.entries.allSatisfy { $0.event.durationSeconds == MeetingLimits.defaultDurationSeconds })
    }

    @Test func aFingerprintChangesWithWhatIsStoredAndNothingElse() throws {
        var event = try #require(try plan("nextcloud").entries.first?.event)
        let fingerprint = event.fingerprint
        event.partner = "Kim"
        event.sequence += 1
        #expect(event.fingerprint == fingerprint, "partner and sequence are not stored as the calendar's")
        event.occurrenceOverrides = [:]
        #expect(event.fingerprint != fingerprint)
    }
}
