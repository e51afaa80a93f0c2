import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The one HTTP client of followed calendars: AsyncHTTPClient on the daemon's event loop, with TLS
/// verified against the system's roots (its default), at most five redirects and never a cycle, a
/// timeout on connecting, on each read and on the whole request, and a bound on every reply's size.
/// A redirect to another origin drops the `Authorization` header (AsyncHTTPClient does).
struct CalendarHTTP: Sendable {
    let client: HTTPClient
    /// The longest a whole request may take, its reply read included.
    let timeout: TimeAmount
    /// The largest reply body read.
    var maximumBytes = 64 << 20

    /// A reply, its body read whole.
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// Makes the client; `shutdown()` must be called before the event loop group goes.
    static func make(on group: any EventLoopGroup, timeoutSeconds: Int) -> CalendarHTTP {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        let timeout = TimeAmount.seconds(Int64(timeoutSeconds))
        configuration.timeout = .init(connect: min(timeout, .seconds(10)), read: timeout)
        configuration.httpVersion = .http1Only
        // A refused or unreachable server fails the sync at once (`calendar sync` answers, the
        // journal says why) instead of retrying the connection until the connect timeout: the
        // follower already asks again at its next, backed-off poll.
        configuration.connectionPool.retryConnectionEstablishment = false
        return CalendarHTTP(
            client: HTTPClient(eventLoopGroupProvider: .shared(group), configuration: configuration),
            timeout: timeout)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends one request and reads its reply. `authorization` is sent as it is and never logged.
    func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: String? = nil,
        authorization: String? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: "mentord")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/xml; charset=utf-8")
            request.body = .bytes(ByteBuffer(string: body))
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: maximumBytes)
            return Reply(
                status: Int(response.status.code), headers: response.headers,
                body: buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? [])
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw CalendarFetchError(description: "the reply is larger than \(maximumBytes) bytes")
        } catch let error as HTTPClientError {
            throw CalendarFetchError(description: Self.describe(error))
        } catch {
            throw CalendarFetchError(description: "\(error)")
        }
    }

    /// AsyncHTTPClient's errors in a person's words.
    private static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .deadlineExceeded, .readTimeout: "the server did not answer in time"
        case .connectTimeout: "could not connect in time"
        case .redirectLimitReached: "more than 5 redirects"
        case .redirectCycleDetected: "the redirects go round in a circle"
        case .remoteConnectionClosed: "the server closed the connection"
        default: "\(error)"
        }
    }
}

extension CalendarHTTP.Reply {
    /// Bytes received: the body and, roughly, the header lines.
    var size: Int {
        body.count + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 } + 17
    }
}
