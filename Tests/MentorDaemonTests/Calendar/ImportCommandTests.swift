import Foundation
import MentorCore
import MentorProtocol
import Testing

/// `mentorctl import` against the in-process daemon, by its exact output.
struct ImportCommandTests {
    static let newYear = LocalDateTime(year: 2026, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)

    @Test func printsCountsThenEachSkippedEventWithItsReason() async throws {
        let daemon = try await InProcessDaemon(now: Self.newYear, userZone: TimeZone(identifier: "Europe/Berlin")!)
        defer { daemon.remove() }
        let google = CalendarFiles.fixture("google")
        let first = try await daemon.ctl(["import", google, "--with", "Sam", "--role", "mentee"])
        #expect(first.status == 0, "\(first)")
        #expect(
            first.stdout == """
                \(google) (ada.example@gmail.example): imported 3 new, 0 updated, 0 unchanged, 1 skipped
                  skipped 2026-12-24 00:00  Holidays: all-day event

                """)
        let broken = try CalendarFiles.write("BEGIN:VCALENDAR\nEND:VEVENT\n", as: "broken.ics", in: daemon.directory)
        let thunderbird = CalendarFiles.fixture("thunderbird")
        let second = try await daemon.ctl(["import", google, broken, thunderbird, "--with", "Sam", "--dry-run"])
        #expect(second.status == 1)
        #expect(
            second.stdout == """
                \(google) (ada.example@gmail.example): would import 0 new, 0 updated, 3 unchanged, 1 skipped
                  skipped 2026-12-24 00:00  Holidays: all-day event
                \(thunderbird): would import 2 new, 0 updated, 0 unchanged, 0 skipped
                  3 meetings imported before are not in this file: left as they are (an import never deletes)

                """)
        #expect(
            second.stderr
                == "mentorctl: cannot import \(broken): line 2: END:VEVENT where END:VCALENDAR was expected; nothing was imported\n"
        )
        let json = try await daemon.ctl(["import", google, "--with", "Sam", "--json"])
        let reply = try JSONDecoder().decode(ImportCalendar.Reply.self, from: Data(json.stdout.utf8))
        #expect((reply.added, reply.unchanged, reply.skipped.map(\.reason)) == (0, 3, ["all-day event"]))
        let nobody = try await daemon.ctl(["import", thunderbird])
        #expect(nobody.status == 1 && nobody.stdout.isEmpty)
        #expect(nobody.stderr.hasPrefix("mentorctl: no event of \(thunderbird) is with a known partner (2 events need"))
        let roleAlone = try await daemon.ctl(["import", thunderbird, "--role", "mentor"])
        #expect(roleAlone.status != 0 && roleAlone.stderr.contains("--role goes with --with NAME"))
        try await daemon.stop()
    }
}
