import Foundation

/// What a finished process left behind.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs programs to completion with captured output, for tests that drive real executables.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`; the environment is this process's plus `environment`.
    /// A child still running after `timeout` seconds is killed (status 137, and stderr says so):
    /// a test waiting on a child that waits on it fails instead of holding the suite for ever.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        removingEnvironment: [String] = [], timeout: Double = 120
    ) throws -> ProcessResult {
        // Files, not pipes: a chatty child can never block on a full pipe while we wait for it.
        let output = try TemporaryFile()
        let errors = try TemporaryFile()
        let stdin = try TemporaryFile()
        defer {
            for file in [output, errors, stdin] { file.remove() }
        }
        try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: stdin.path))
        let child = try ChildProcess(
            executable, arguments, environment: environment, removingEnvironment: removingEnvironment,
            stdin: stdin.path, stdout: output.path, stderr: errors.path)
        let deadline = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "ProcessRunner.timeout"))
        deadline.schedule(deadline: .now() + timeout)
        deadline.setEventHandler { kill(child.pid, SIGKILL) }
        deadline.activate()
        let status = child.wait()
        deadline.cancel()
        var stderr = errors.contents()
        if status == 128 + SIGKILL { stderr += "\n(ProcessRunner: killed after \(timeout) s, or by someone else)" }
        return ProcessResult(status: status, stdout: output.contents(), stderr: stderr)
    }
}

/// An empty file in /tmp for one child's input or output.
final class TemporaryFile {
    let path: String

    init() throws {
        var template = Array("/tmp/mentord-output.XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        close(descriptor)
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func contents() -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func remove() {
        unlink(path)
    }
}
