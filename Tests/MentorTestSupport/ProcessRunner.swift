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
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        removingEnvironment: [String] = []
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        for name in removingEnvironment { merged.removeValue(forKey: name) }
        process.environment = merged
        // Files, not pipes: a chatty child can never block on a full pipe while we wait for it.
        let output = try TemporaryFile()
        let errors = try TemporaryFile()
        defer {
            output.remove()
            errors.remove()
        }
        process.standardOutput = output.handle
        process.standardError = errors.handle
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: output.contents(), stderr: errors.contents())
    }
}

/// A file in /tmp holding one child's output.
final class TemporaryFile {
    let path: String
    let handle: FileHandle

    init() throws {
        var template = Array("/tmp/mentord-output.XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: template)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func contents() -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func remove() {
        unlink(path)
    }
}
