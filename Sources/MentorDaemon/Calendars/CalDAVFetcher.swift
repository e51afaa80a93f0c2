import Foundation
import MentorCalendar
import MentorCore
import NIOHTTP1

/// Reads a CalDAV calendar collection, read-only: `sync-collection` (RFC 6578) where the server
/// offers it, so that a sync with nothing changed is one small request; else a `calendar-query` for
/// events from a week ago to a year ahead. Either lists ETags; only new and changed resources are
/// then fetched, with `calendar-multiget`.
struct CalDAVFetcher: CalendarFetcher {
    let url: String
    let http: CalendarHTTP
    let settings: FollowSettings
    let clock: any WallClock
    var limits = DAVLimits()

    /// What is kept between fetches.
    struct State: Codable, Hashable {
        /// Whether the collection offers `sync-collection`; nil until probed.
        var syncs: Bool?
        var syncToken: String?
    }

    /// Resources fetched per `calendar-multiget`.
    static let batch = 200
    /// `sync-collection` rounds per fetch: a server that truncates (507) is asked again from its token.
    static let rounds = 20

    func fetch(known: [String: String], state text: String) async throws -> CalendarListing {
        do {
            return try await fetchOrRefuse(known: known, state: text)
        } catch let refused as Exchange.Refused {
            throw FeedFetcher.refusal(refused.status)
        }
    }

    private func fetchOrRefuse(known: [String: String], state text: String) async throws -> CalendarListing {
        var state = (try? JSONDecoder().decode(State.self, from: Data(text.utf8))) ?? State()
        let authorization = try await PasswordSource.authorization(settings)
        var exchange = Exchange(url: url, http: http, authorization: authorization, limits: limits)
        if state.syncs == nil { state.syncs = try await exchange.probe().supportsSyncCollection }
        // A token stands for items the follower read; after a restart it has none, so start over.
        if known.isEmpty { state.syncToken = nil }
        var versions: [String: String]
        if state.syncs == true {
            (versions, state.syncToken) = try await exchange.changes(since: state.syncToken, known: known)
        } else {
            versions = try await exchange.query(now: clock.now())
        }
        let changed = versions.filter { known[$0.key] != $0.value }.map(\.key).sorted()
        var listing = CalendarListing(versions: versions)
        for start in stride(from: 0, to: changed.count, by: Self.batch) {
            let hrefs = Array(changed[start..<min(start + Self.batch, changed.count)])
            let found = try await exchange.multiget(hrefs)
            for href in hrefs {
                guard let resource = found[href], let data = resource.calendarData else {
                    listing.unreadable[href] = "the server sent no calendar data for it"
                    continue
                }
                listing.bodies[href] = Array(data.utf8)
                if let etag = resource.etag { listing.versions[href] = etag }
            }
        }
        listing.bytes = exchange.bytes
        listing.state = (try? JSONEncoder().encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return listing
    }
}

extension CalDAVFetcher {
    /// The requests of one fetch, and the bytes they moved.
    struct Exchange {
        let url: String
        let http: CalendarHTTP
        let authorization: String?
        let limits: DAVLimits
        var bytes = 0

        /// `PROPFIND` Depth 0 on the collection.
        mutating func probe() async throws -> DAVMultistatus.Response {
            let status = try await report("PROPFIND", depth: "0", CalDAVRequests.probe)
            guard let own = status.responses.first(where: { sameResource($0.href, url) }) ?? status.responses.first
            else { throw CalendarFetchError(description: "the server described nothing at \(url)") }
            return own
        }

        /// Every resource's ETag, from `known` and the changes since `token` (nil: all of them).
        mutating func changes(since token: String?, known: [String: String]) async throws
            -> (versions: [String: String], token: String?)
        {
            var versions = token == nil ? [:] : known
            var token = token
            for _ in 0..<CalDAVFetcher.rounds {
                let status: DAVMultistatus
                do {
                    status = try await report("REPORT", depth: "0", CalDAVRequests.syncCollection(token: token ?? ""))
                } catch let refused as Refused where token != nil && [403, 409, 410].contains(refused.status) {
                    // The server no longer knows the token (valid-sync-token): everything again.
                    _ = refused
                    (versions, token) = ([:], nil)
                    continue
                }
                var truncated = false
                for response in status.responses {
                    if sameResource(response.href, url) {
                        truncated = truncated || response.status == 507
                        continue
                    }
                    let href = Self.path(response.href)
                    if response.status == 404 {
                        versions[href] = nil
                    } else if let etag = response.etag {
                        versions[href] = etag
                    } else {
                        // Changed, but no ETag told: fetch it again.
                        versions[href] = ""
                    }
                }
                token = status.syncToken ?? token
                if !truncated { return (versions, token) }
            }
            throw CalendarFetchError(description: "the server kept truncating its changes")
        }

        /// Every resource with an occurrence from a week ago to a year ahead, by ETag.
        mutating func query(now: Date) async throws -> [String: String] {
            let start = Self.compact(now.addingTimeInterval(-7 * 86_400))
            let end = Self.compact(now.addingTimeInterval(366 * 86_400))
            let status = try await report("REPORT", depth: "1", CalDAVRequests.query(start: start, end: end))
            var versions: [String: String] = [:]
            for response in status.responses where !sameResource(response.href, url) && response.status ?? 200 < 300 {
                versions[Self.path(response.href)] = response.etag ?? ""
            }
            return versions
        }

        /// The data of `hrefs`, by href.
        mutating func multiget(_ hrefs: [String]) async throws -> [String: DAVMultistatus.Response] {
            let status = try await report("REPORT", depth: "1", CalDAVRequests.multiget(hrefs))
            return Dictionary(status.responses.map { (Self.path($0.href), $0) }, uniquingKeysWith: { _, last in last })
        }

        /// A status other than 207 Multi-Status: for `sync-collection`, 403, 409 or 410 mean the token
        /// is no longer valid (RFC 6578 §3.2); for a probe, anything but 401 means "not WebDAV here".
        struct Refused: Error {
            var status: Int
        }

        private mutating func report(_ method: String, depth: String, _ body: String) async throws -> DAVMultistatus {
            let reply = try await http.send(
                HTTPMethod(rawValue: method), url, headers: [("Depth", depth)], body: body,
                authorization: authorization)
            bytes += reply.size + body.utf8.count
            guard reply.status == 207 else { throw Refused(status: reply.status) }
            do {
                return try DAVMultistatus.read(reply.body, limits: limits)
            } catch {
                throw CalendarFetchError(description: "\(error)")
            }
        }

        /// Whether `href` names the collection at `url` itself.
        private func sameResource(_ href: String, _ url: String) -> Bool {
            Self.trimmed(Self.path(href)) == Self.trimmed(Self.path(url))
        }

        /// The path of an href or URL, as servers write it back.
        static func path(_ href: String) -> String {
            guard href.hasPrefix("http://") || href.hasPrefix("https://"), let components = URLComponents(string: href)
            else { return href }
            return components.percentEncodedPath
        }

        /// `20261203T140000Z`, as CalDAV's `time-range` wants it.
        static func compact(_ instant: Date) -> String {
            let text = RFC3339.utc(instant)
            return String(text.prefix(19)).replacingOccurrences(of: "-", with: "").replacingOccurrences(
                of: ":", with: "")
                + "Z"
        }

        private static func trimmed(_ path: String) -> String {
            path.hasSuffix("/") ? String(path.dropLast()) : path
        }
    }
}
