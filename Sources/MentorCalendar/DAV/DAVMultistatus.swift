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

    /// Reads a multistatus body.
    public static func read(_ bytes: [UInt8], limits: DAVLimits = DAVLimits()) throws(DAVError) -> DAVMultistatus {
        guard bytes.count <= limits.bytes else { throw .tooLarge(bytes: bytes.count, limit: limits.bytes) }
        var reader = DAVMultistatusReader(limits: limits)
        var events: XMLEventReader
        do { events = try XMLEventReader(bytes) } catch { throw .refusal(error) }
        while true {
            let event: XMLEvent?
            do { event = try events.next() } catch { throw .refusal(error) }
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
    /// A `<!DOCTYPE` before the root element.
    case doctype
    /// Not well-formed XML: the line and what is wrong there.
    case malformed(line: Int, reason: String)
    /// Well-formed, but its root is not `DAV:multistatus`.
    case notMultistatus
    /// A `response` without an `href`.
    case missingHref

    /// The reader's refusal, with its line.
    /// CalDAV replies never carry a document type, the way to entity expansion bombs: the reader
    /// refuses one before it reads anything it declares, and that refusal is ``doctype``.
    static func refusal(_ error: XMLSyntaxError) -> DAVError {
        error.isDocumentType ? .doctype : .malformed(line: error.line, reason: error.reason)
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
