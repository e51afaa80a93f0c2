import Foundation
import MentorCore
import Testing

struct RFC3339Tests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(RFC3339.utc(Date(millisecondsSince1970: 1_796_032_800_007)) == "2026-11-30T10:00:00.007Z")
        #expect(RFC3339.utc(Date(millisecondsSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test(arguments: [
        ("Europe/Berlin", 1_796_032_800, "2026-11-30T11:00:00+01:00"),
        ("Europe/Berlin", 1_783_072_800, "2026-07-03T12:00:00+02:00"),
        ("America/New_York", 1_796_032_800, "2026-11-30T05:00:00-05:00"),
        ("Australia/Lord_Howe", 1_796_032_800, "2026-11-30T21:00:00+11:00"),
        ("Australia/Lord_Howe", 1_783_072_800, "2026-07-03T20:30:00+10:30"),
        ("Asia/Kathmandu", 1_796_032_800, "2026-11-30T15:45:00+05:45"),
    ])
    func formatsLocalTimeWithThatMomentsOffset(zone: String, seconds: Int, expected: String) {
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        #expect(RFC3339.local(instant, in: TimeZone(identifier: zone)!) == expected)
    }
}
