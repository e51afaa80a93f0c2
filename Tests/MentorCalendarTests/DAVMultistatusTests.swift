import MentorCalendar
import Testing

/// What the multistatus reader refuses before parsing, and what it must not refuse.
struct DAVMultistatusTests {
    static func multiget(_ calendarData: String, prolog: String = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        -> [UInt8]
    {
        Array(
            (prolog + """
                <d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                <d:response><d:href>/cal/a.ics</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag>
                <c:calendar-data>\(calendarData)</c:calendar-data></d:prop>
                <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>
                """).utf8)
    }

    /// A DTD is where entity expansion bombs live, and a CalDAV reply never needs one.
    @Test func refusesADocumentTypeBeforeTheRoot() {
        let bomb = "<!DOCTYPE d:multistatus [<!ENTITY a \"aaaa\">]>\n"
        #expect(throws: DAVError.doctype) { try DAVMultistatus.read(Self.multiget("x", prolog: bomb)) }
        #expect(throws: DAVError.doctype) {
            try DAVMultistatus.read(Self.multiget("x", prolog: "<?xml version=\"1.0\"?><!-- c -->" + bomb))
        }
        // Whatever the encoding: the reader refuses it, not a search of the raw bytes.
        let utf16: [UInt8] = [0xFF, 0xFE] + Self.multiget("x", prolog: bomb).flatMap { [$0, 0] }
        #expect(throws: DAVError.doctype) { try DAVMultistatus.read(utf16) }
    }

    /// An Outlook invitation's HTML description starts with `<!DOCTYPE HTML`; iCloud sends event
    /// data in CDATA, so those bytes reach the reader inside an element, where no DTD can be.
    @Test func keepsAnEventWhoseTextHoldsADocumentTypeInCDATA() throws {
        let event = "BEGIN:VCALENDAR\nX-ALT-DESC;FMTTYPE=text/html:<!DOCTYPE HTML><html></html>\nEND:VCALENDAR"
        let read = try DAVMultistatus.read(Self.multiget("<![CDATA[\(event)]]>"))
        #expect(read.responses.map(\.calendarData) == [event])
    }
}
