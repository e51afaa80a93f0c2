import Foundation
import MentorTestSupport
import NIOHTTP1
import NIOPosix

@testable import MentorDaemon

/// A server the test starts on 127.0.0.1 and stops: Radicale (PyPI, pinned in scripts/install-deps)
/// with its storage in a temporary folder, or Outside/misbehaving_dav.py. Loopback only.
final class LoopbackServer: Sendable {
    let directory: TemporaryDirectory
    let port: Int
    /// The user and password Radicale asks for; nil for an anonymous server.
    let login: Login?
    private let child: ChildProcess
    private let http: CalendarHTTP

    struct Login: Sendable {
        var user: String
        var password: String
    }

    /// `http://127.0.0.1:PORT`.
    var base: String { "http://127.0.0.1:\(port)" }

    private init(directory: TemporaryDirectory, port: Int, login: Login?, child: ChildProcess) {
        self.directory = directory
        self.port = port
        self.login = login
        self.child = child
        http = CalendarHTTP.make(on: MultiThreadedEventLoopGroup.singleton, timeoutSeconds: 10)
    }

    /// Radicale, anonymous (`--auth-type none`) or with one user in a plain htpasswd file. Radicale
    /// takes no port 0, so a free port is picked and tried again if another process took it first.
    static func radicale(login: Login? = nil) async throws -> LoopbackServer {
        let directory = try TemporaryDirectory()
        var arguments = [
            "python3", "-m", "radicale", "--config", "", "--storage-filesystem-folder", directory.file("collections"),
            "--web-type", "none", "--logging-level", "warning",
        ]
        if let login {
            try Data("\(login.user):\(login.password)\n".utf8).write(to: URL(fileURLWithPath: directory.file("users")))
            arguments += [
                "--auth-type", "htpasswd", "--auth-htpasswd-filename", directory.file("users"),
                "--auth-htpasswd-encryption", "plain", "--auth-delay", "0",
            ]
        } else {
            arguments += ["--auth-type", "none"]
        }
        for _ in 0..<3 {
            let port = try LoopbackPort.free()
            let child = try ChildProcess(
                "/usr/bin/env", arguments + ["--server-hosts", "127.0.0.1:\(port)"], stderr: directory.file("log"))
            if try await waitUntilListening(child, port: port) {
                return LoopbackServer(directory: directory, port: port, login: login, child: child)
            }
        }
        throw ServerFailure(log: (try? String(contentsOfFile: directory.file("log"), encoding: .utf8)) ?? "")
    }

    /// Outside/misbehaving_dav.py, which prints the port it got.
    static func misbehaving() async throws -> LoopbackServer {
        let directory = try TemporaryDirectory()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Outside/misbehaving_dav.py").path
        let child = try ChildProcess(
            "/usr/bin/env", ["python3", script], stdout: directory.file("port"), stderr: directory.file("log"))
        for _ in 0..<1000 {
            let text = (try? String(contentsOfFile: directory.file("port"), encoding: .utf8)) ?? ""
            if text.hasSuffix("\n"), let port = Int(text.dropLast()) {
                return LoopbackServer(directory: directory, port: port, login: nil, child: child)
            }
            guard child.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        child.send(SIGKILL)
        child.wait()
        throw ServerFailure(log: (try? String(contentsOfFile: directory.file("log"), encoding: .utf8)) ?? "")
    }

    /// Polls until the child listens on `port`; false if it exited first (the port was taken).
    private static func waitUntilListening(_ child: ChildProcess, port: Int) async throws -> Bool {
        for _ in 0..<1000 {
            if LoopbackPort.isListening(port) { return true }
            guard child.isRunning else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        child.send(SIGKILL)
        child.wait()
        return false
    }

    /// Stops the server and waits for it; the storage stays until ``remove()``.
    func stop() async {
        child.send(SIGTERM)
        _ = try? await offThePool { [child] in child.wait() }
    }

    /// Stops the server, closes the client and removes the storage.
    func remove() async {
        await stop()
        await http.shutdown()
        directory.remove()
    }

    struct ServerFailure: Error, CustomStringConvertible {
        var log: String
        var description: String { "the server did not start: \(log)" }
    }

    // MARK: - Writing, as another CalDAV client does

    /// Makes the calendar collection `name` under the user's home (`/me/`, or the login's user) and
    /// returns its URL.
    func makeCalendar(_ name: String) async throws -> String {
        let home = "\(base)/\(login?.user ?? "me")/"
        _ = try await send("MKCOL", home, expecting: [201, 405])
        _ = try await send("MKCALENDAR", home + name + "/", expecting: [201])
        return home + name + "/"
    }

    /// Creates or replaces the resource at `url`.
    func put(_ url: String, _ text: String) async throws {
        _ = try await send("PUT", url, body: text, expecting: [201, 204])
    }

    func delete(_ url: String) async throws {
        _ = try await send("DELETE", url, expecting: [200, 204])
    }

    private func send(_ method: String, _ url: String, body: String? = nil, expecting: Set<Int>) async throws
        -> CalendarHTTP.Reply
    {
        let authorization = login.map {
            "Basic " + Data("\($0.user):\($0.password)".utf8).base64EncodedString()
        }
        let reply = try await http.send(
            HTTPMethod(rawValue: method), url, body: body, authorization: authorization)
        guard expecting.contains(reply.status) else {
            throw ServerFailure(log: "\(method) \(url): \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return reply
    }
}
