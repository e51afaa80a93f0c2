import Foundation
import MentorCalendar
import MentorCore
import Testing

struct WindowsZonesTests {
    private func zone(tzid: String) throws -> String? {
        let text =
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=\(tzid):20260701T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        return try CalendarFile.read(Array(text.utf8), floatingZone: TimeZone(identifier: "UTC")!)
            .series.first?.master?.zone.identifier
    }

    /// Every IANA name of the generated CLDR table is one this machine's tz data knows, so no Windows name
    /// that Outlook writes is refused for want of rules.
    @Test func everyWindowsNameMapsToAKnownZone() throws {
        #expect(WindowsZones.iana.count > 130)
        for (windows, iana) in WindowsZones.iana {
            #expect(TimeZone(identifier: iana) != nil, "\(windows) -> \(iana)")
        }
    }

    @Test(arguments: [
        ("W. Europe Standard Time", "Europe/Berlin"), ("Romance Standard Time", "Europe/Paris"),
        ("GMT Standard Time", "Europe/London"), ("Eastern Standard Time", "America/New_York"),
        ("Pacific Standard Time", "America/Los_Angeles"), ("Lord Howe Standard Time", "Australia/Lord_Howe"),
        ("Samoa Standard Time", "Pacific/Apia"),
    ])
    func outlookNamesReadAsTheirIANAZone(windows: String, iana: String) throws {
        #expect(try zone(tzid: windows) == iana)
    }
}
