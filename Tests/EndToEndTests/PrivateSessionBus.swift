import Foundation
import MentorTestSupport

/// A private `dbus-daemon --session` at a fixed address in a temporary directory, and on it the
/// recording notification server `Outside/notification_server.py` (the freedesktop
/// specification, every call written to a JSON-lines file, buttons pressed on request).
///
/// The address stays the same when the bus is stopped and started again, as a real session bus
/// does when the user logs out and in.
final class PrivateSessionBus: @unchecked Sendable {
    static let serverScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Outside/notification_server.py"
    ).path

    let directory: TemporaryDirectory
    var socket: String { directory.file("bus") }
    var address: String { "unix:path=\(socket)" }
    var recordPath: String { directory.file("notifications.jsonl") }
    /// The environment a client of this bus needs.
    var environment: [String: String] { ["DBUS_SESSION_BUS_ADDRESS": address] }

    private var bus: ChildProcess?
    private var server: ChildProcess?

    /// A bus with a notification server started with `serverArguments`; with `start` false,
    /// nothing runs yet (a session without a bus).
    init(serverArguments: [String] = [], start: Bool = true) throws {
        directory = try TemporaryDirectory()
        if start {
            try startBus()
            try startServer(serverArguments)
        }
    }

    deinit {
        stopServer()
        stopBus()
        directory.remove()
    }

    func startBus() throws {
        try? FileManager.default.removeItem(atPath: socket)
        bus = try ChildProcess(
            "/usr/bin/dbus-daemon", ["--session", "--nofork", "--nopidfile", "--address=\(address)"],
            stderr: directory.file("bus.log"))
        try waitUntil("the bus listening at \(socket)") { ListeningSocket.exists(at: self.socket) }
    }

    func stopBus() {
        bus?.send(SIGTERM)
        bus?.wait()
        bus = nil
    }

    func startServer(_ arguments: [String] = []) throws {
        let ready = directory.file("server-ready")
        try? FileManager.default.removeItem(atPath: ready)
        server = try ChildProcess(
            "/usr/bin/python3", [Self.serverScript, "--record", recordPath, "--ready", ready] + arguments,
            environment: environment, stderr: directory.file("server.log"))
        try waitUntil("the notification server") { FileManager.default.fileExists(atPath: ready) }
    }

    func stopServer() {
        server?.send(SIGTERM)
        server?.wait()
        server = nil
    }

    /// One `Notify` call as the server recorded it.
    struct Notification: Decodable {
        var sender: String
        var appName: String
        var replacesId: UInt32
        var appIcon: String
        var summary: String
        var body: String
        var actions: [String]
        var hints: [String: HintValue]
        var id: UInt32?
        var time: Double

        enum CodingKeys: String, CodingKey {
            case sender, summary, body, actions, hints, id, time
            case appName = "app_name"
            case replacesId = "replaces_id"
            case appIcon = "app_icon"
        }

        /// The action keys, without their labels.
        var actionKeys: [String] { stride(from: 0, to: actions.count, by: 2).map { actions[$0] } }
    }

    /// A hint's value: the server writes bytes and integers as numbers.
    enum HintValue: Decodable, Equatable {
        case number(Int)
        case text(String)
        case flag(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    /// Every Notify call recorded so far.
    var notifications: [Notification] {
        guard let text = try? String(contentsOfFile: recordPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { $0.contains("\"method\": \"Notify\"") }.compactMap {
            try? JSONDecoder().decode(Notification.self, from: Data($0.utf8))
        }
    }

    /// Waits until `count` notifications were recorded; returns all of them.
    func waitForNotifications(count: Int, timeout: TimeInterval = 20) -> [Notification] {
        try? waitUntil("\(count) notifications", timeout: timeout) { self.notifications.count >= count }
        return notifications
    }

    /// Presses a button of notification `id`, as the user would: `ActionInvoked` goes to the
    /// connection that sent it, then the server closes it. `destination` sends it to that bus
    /// name instead, even for an id the server never gave out.
    func invoke(_ action: String, on id: UInt32, destination: String? = nil) throws {
        let command =
            destination.map { ["invoke-to", "--destination", $0] } ?? ["invoke"]
        let result = try ProcessRunner.run(
            "/usr/bin/python3", [Self.serverScript] + command + ["--id", String(id), "--action", action],
            environment: environment)
        guard result.status == 0 else { throw BusFixtureError.failed("invoke \(action): \(result)") }
    }

    /// Polls `condition` every 20 ms: the bus and the python server have no readiness protocol
    /// this process can wait on.
    private func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw BusFixtureError.failed("timed out waiting for \(what)") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

enum BusFixtureError: Error, CustomStringConvertible {
    case failed(String)

    var description: String {
        switch self {
        case .failed(let what): what
        }
    }
}
