import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The PyPI `varlink` package, a client we did not write, drives every method.
struct OutsideClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Outside/varlink_client.py"
    ).path

    @Test func pythonVarlinkClientCallsEveryMethod() async throws {
        try await offThePool { [self] in try pythonVarlinkClientCallsEveryMethodBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func pythonVarlinkClientCallsEveryMethodBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", Self.script, daemon.socketPath])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("{\"ok\": true}\n"))
        // What python saw is what mentorctl shows for the same meeting.
        let addedLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("{\"added\"") })
        struct Added: Decodable { var added: Wire.Meeting }
        let added = try JSONDecoder().decode(Added.self, from: Data(addedLine.utf8)).added
        #expect(added.localStart == "2036-12-04T15:00:00+01:00" && added.timeZone == "Europe/Berlin")
    }
}
