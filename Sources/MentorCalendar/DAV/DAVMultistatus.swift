import Foundation

/// A WebDAV `multistatus` body (RFC 4918 §13) as CalDAV servers send it for `PROPFIND`,
/// `calendar-query`, `calendar-multiget` and `sync-collection` (RFC 6578): one ``Response`` per
/// resource, and the collection's new sync token.
///
/// Only the properties a read-only calendar follower needs are kept; everything else is ignored, as
/// WebDAV asks. Properties come only from a `propstat` whose status is 2xx: a `404` propstat says the
/// server lacks the property. Pure: bytes in, values out; ``DAVError`` for anything that is not a
/// well-formed multistatus within ``DAVLimits``.
public struct DAVMultistatus: Sendable, Hashable {
    /// One `response` element.
    public struct Response: Sendable, Hashable {
        /// `href`, as written (percent-encoded, absolute path or URL).
        public var href: String
        /// The response's own `status` (`sync-collection` reports a deleted member as 404); nil when
        /// it has propstats instead.
        public var status: Int?
        /// `getetag`, quotes included, as it must be sent back.
        public var etag: String?
        /// `C:calendar-data`: the resource's iCalendar text.
        public var calendarData: String?
        /// `displayname`.
        public var displayName: String?
        /// `CS:getctag` (Apple's change tag).
        public var ctag: String?
        /// `sync-token` asked for as a property (`PROPFIND`).
        public var syncToken: String?
        /// `resourcetype` holds `C:calendar`.
        public var isCalendar = false
        /// `supported-report-set` lists `sync-collection`.
        public var supportsSyncCollection = false

        public init(href: String) {
            self.href = href
        }
    }

    public var responses: [Response]
    /// The `sync-token` child of `multistatus` (`sync-collection`'s reply).
    public var syncToken: String?

    /// Where the first element starts: the first `<` followed by a name, not by `?` (a declaration
    /// or processing instruction) or `!` (a comment or a DTD). The end when there is none.
    static func rootElementStart(of bytes: [UInt8]) -> Int {
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1 < bytes.count ? bytes[open + 1] : 0
            if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return open }
            index = open + 1
        }
        return bytes.count
    }

    /// Reads a multistatus body.
    public static func read(_ bytes: [UInt8], limits: DAVLimits = DAVLimits()) throws(DAVError) -> DAVMultistatus {
        guard bytes.count <= limits.bytes else { throw .tooLarge(bytes: bytes.count, limit: limits.bytes) }
        // CalDAV replies never carry a document type; one is the way to entity expansion bombs. A DTD
        // can stand only before the root element, so only that part is looked at: an event's text
        // may carry `<!DOCTYPE` inside CDATA (Outlook's HTML descriptions, as iCloud sends them).
        let prolog = bytes[..<rootElementStart(of: bytes)]
        if prolog.firstRange(of: Array("<!DOCTYPE".utf8)) != nil || prolog.firstRange(of: Array("<!ENTITY".utf8)) != nil
        {
            throw .doctype
        }
        var reader = DAVMultistatusReader(limits: limits)
        var events: XMLEventReader
        do { events = try XMLEventReader(bytes) } catch { throw .malformed(error) }
        while true {
            let event: XMLEvent?
            do { event = try events.next() } catch { throw .malformed(error) }
            guard let event else { break }
            try reader.take(event)
        }
        guard reader.sawMultistatus else { throw .notMultistatus }
        return DAVMultistatus(responses: reader.responses, syncToken: reader.syncToken)
    }
}

/// Bounds on a multistatus body.
public struct DAVLimits: Sendable, Hashable {
    /// Bytes of the whole body: a collection's every event with its data.
    public var bytes = 64 << 20
    /// `response` elements.
    public var responses = 100_000

    public init() {}
}

/// Why a multistatus body cannot be read.
public enum DAVError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)
    case tooManyResponses(limit: Int)
    /// A `<!DOCTYPE` or `<!ENTITY`.
    case doctype
    /// Not well-formed XML: the line and what is wrong there.
    case malformed(line: Int, reason: String)
    /// Well-formed, but its root is not `DAV:multistatus`.
    case notMultistatus
    /// A `response` without an `href`.
    case missingHref

    /// The reader's refusal, with its line.
    static func malformed(_ error: XMLSyntaxError) -> DAVError {
        .malformed(line: error.line, reason: error.reason)
    }

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "the reply has \(bytes) bytes, more than \(limit)"
        case .tooManyResponses(let limit): "the reply has more than \(limit) responses"
        case .doctype: "the reply declares a document type, which WebDAV never does"
        case .malformed(let line, let reason): "the reply is not XML (line \(line): \(reason))"
        case .notMultistatus: "the reply is not a WebDAV multistatus"
        case .missingHref: "a response has no href"
        }
    }
}
