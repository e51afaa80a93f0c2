import Foundation
import NIOHTTP1

/// Reads an `http(s)` iCalendar feed (one item, href ""), asking the server whether it changed with
/// the `ETag` (`If-None-Match`) or `Last-Modified` (`If-Modified-Since`) of the last reply; a `304`
/// is the same calendar at the cost of its headers.
struct FeedFetcher: CalendarFetcher {
    let url: String
    let http: CalendarHTTP
    let settings: FollowSettings

    /// The validators kept between fetches.
    struct Validators: Codable, Hashable {
        var etag: String?
        var lastModified: String?
    }

    func fetch(known: [String: String], state: String) async throws -> CalendarListing {
        let validators = (try? JSONDecoder().decode(Validators.self, from: Data(state.utf8))) ?? Validators()
        var headers: [(String, String)] = [("Accept", "text/calendar")]
        // Only when the follower still holds what those validators stand for.
        if known[""] != nil {
            if let etag = validators.etag { headers.append(("If-None-Match", etag)) }
            if let date = validators.lastModified { headers.append(("If-Modified-Since", date)) }
        }
        let reply = try await http.send(
            .GET, url, headers: headers, authorization: try await PasswordSource.authorization(settings))
        var listing = CalendarListing(bytes: reply.size)
        if reply.status == 304, let version = known[""] {
            listing.versions[""] = version
            listing.state = state
            return listing
        }
        guard (200..<300).contains(reply.status) else { throw Self.refusal(reply.status) }
        let kept = Validators(
            etag: reply.headers.first(name: "ETag"), lastModified: reply.headers.first(name: "Last-Modified"))
        listing.state = (try? JSONEncoder().encode(kept)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // The body's digest is its version: a server without validators still costs no re-plan.
        listing.versions[""] = kept.etag ?? "sha-\(reply.body.count)-\(Self.digest(reply.body))"
        listing.bodies[""] = reply.body
        return listing
    }

    /// An HTTP status that is not a calendar, in words.
    static func refusal(_ status: Int) -> CalendarFetchError {
        switch status {
        case 401: CalendarFetchError(description: "the server refused the user name or password (HTTP 401)")
        case 403: CalendarFetchError(description: "the server forbids access (HTTP 403)")
        case 404: CalendarFetchError(description: "the server has no calendar there (HTTP 404)")
        default: CalendarFetchError(description: "the server answered HTTP \(status)")
        }
    }

    /// FNV-1a over the bytes: a change detector.
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
