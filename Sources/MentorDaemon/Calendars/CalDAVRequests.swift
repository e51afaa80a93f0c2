/// The bodies of the CalDAV requests a read-only follower sends (RFC 4791, RFC 6578).
enum CalDAVRequests {
    /// `PROPFIND` (Depth 0) on the collection: is it a calendar, does it sync.
    static let probe = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">
          <d:prop><d:resourcetype/><d:displayname/><d:sync-token/><d:supported-report-set/><cs:getctag/></d:prop>
        </d:propfind>
        """

    /// `REPORT sync-collection` from `token` (empty: everything), ETags only.
    static func syncCollection(token: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <d:sync-collection xmlns:d="DAV:">
          <d:sync-token>\(escape(token))</d:sync-token>
          <d:sync-level>1</d:sync-level>
          <d:prop><d:getetag/></d:prop>
        </d:sync-collection>
        """
    }

    /// `REPORT calendar-query` for events with an occurrence between `start` and `end` (UTC,
    /// `YYYYMMDDTHHMMSSZ`), ETags only.
    static func query(start: String, end: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
          <d:prop><d:getetag/></d:prop>
          <c:filter>
            <c:comp-filter name="VCALENDAR">
              <c:comp-filter name="VEVENT"><c:time-range start="\(start)" end="\(end)"/></c:comp-filter>
            </c:comp-filter>
          </c:filter>
        </c:calendar-query>
        """
    }

    /// `REPORT calendar-multiget` of `hrefs`, with their data.
    static func multiget(_ hrefs: [String]) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
          <d:prop><d:getetag/><c:calendar-data/></d:prop>
        \(hrefs.map { "  <d:href>\(escape($0))</d:href>" }.joined(separator: "\n"))
        </c:calendar-multiget>
        """
    }

    /// Text as XML character data.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
