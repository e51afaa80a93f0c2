import Foundation

/// The event side of ``DAVMultistatus/read(_:limits:)``: follows the element path and fills
/// responses. Elements are matched by namespace and local name, so any prefix a server chooses works.
struct DAVMultistatusReader {
    static let dav = "DAV:"
    static let caldav = "urn:ietf:params:xml:ns:caldav"
    static let calendarServer = "http://calendarserver.org/ns/"

    private let limits: DAVLimits
    private(set) var responses: [DAVMultistatus.Response] = []
    private(set) var syncToken: String?
    private(set) var sawMultistatus = false

    /// Open elements as namespace and local name.
    private var path: [(namespace: String, name: String)] = []
    private var text = ""
    private var response: DAVMultistatus.Response?
    /// Properties of the propstat being read, applied only if its status is 2xx.
    private var pending: DAVMultistatus.Response?
    private var propstatStatus: Int?

    init(limits: DAVLimits) {
        self.limits = limits
    }

    private func isOpen(_ namespace: String, _ name: String) -> Bool {
        path.contains { $0.namespace == namespace && $0.name == name }
    }

    /// Takes the next event of the reply; throws at the first thing that makes it no multistatus.
    mutating func take(_ event: XMLEvent) throws(DAVError) {
        switch event {
        case .start(let name): try start(namespace: name.namespace, elementName: name.local)
        case .text(let piece): text += piece
        case .end: try end()
        }
    }

    private mutating func start(namespace: String, elementName: String) throws(DAVError) {
        if path.isEmpty {
            guard namespace == Self.dav && elementName == "multistatus" else { throw .notMultistatus }
            sawMultistatus = true
        }
        path.append((namespace, elementName))
        text = ""
        switch (namespace, elementName) {
        case (Self.dav, "response"):
            guard responses.count < limits.responses else { throw .tooManyResponses(limit: limits.responses) }
            response = DAVMultistatus.Response(href: "")
        case (Self.dav, "propstat"):
            pending = response
            propstatStatus = nil
        case (Self.caldav, "calendar"):
            if isOpen(Self.dav, "resourcetype") { pending?.isCalendar = true }
        case (Self.dav, "sync-collection"):
            if isOpen(Self.dav, "supported-report-set") { pending?.supportsSyncCollection = true }
        default:
            break
        }
    }

    private mutating func end() throws(DAVError) {
        guard let element = path.popLast() else { return }
        let value = text
        text = ""
        let inPropstat = isOpen(Self.dav, "propstat")
        switch (element.namespace, element.name) {
        case (Self.dav, "href") where path.last?.name == "response":
            response?.href = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.dav, "status") where path.last?.name == "propstat":
            propstatStatus = Self.statusCode(value)
        case (Self.dav, "status") where path.last?.name == "response":
            response?.status = Self.statusCode(value)
        case (Self.dav, "getetag") where inPropstat:
            pending?.etag = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.caldav, "calendar-data") where inPropstat:
            pending?.calendarData = value
        case (Self.dav, "displayname") where inPropstat:
            pending?.displayName = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.calendarServer, "getctag") where inPropstat:
            pending?.ctag = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.dav, "sync-token") where inPropstat:
            pending?.syncToken = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.dav, "sync-token") where path.count == 1:
            syncToken = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case (Self.dav, "propstat"):
            // A propstat without a status is taken as found: some servers leave it out for 200.
            if let pending, (200..<300).contains(propstatStatus ?? 200) { response = pending }
            pending = nil
        case (Self.dav, "response"):
            guard let done = response, !done.href.isEmpty else { throw .missingHref }
            responses.append(done)
            response = nil
        default:
            break
        }
    }

    /// The code of `HTTP/1.1 404 Not Found`.
    static func statusCode(_ line: String) -> Int? {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let code = Int(parts[1]), (100...599).contains(code) else { return nil }
        return code
    }
}
