import Foundation

/// A process left running while the test acts on others (`mentorctl watch` across daemon
/// restarts), its stdout and stderr in files the test can wait on; killed when released.
public final class RunningProcess: @unchecked Sendable {
    /// The process itself, to signal or wait for.
    public let process: ChildProcess
    private let output: TemporaryFile
    private let errors: TemporaryFile

    /// Starts `executable` with `arguments` and this process's environment plus `environment`
    /// minus `removingEnvironment`, reading from /dev/null.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        removingEnvironment: [String] = []
    ) throws {
        output = try TemporaryFile()
        errors = try TemporaryFile()
        process = try ChildProcess(
            executable, arguments, environment: environment, removingEnvironment: removingEnvironment,
            stdout: output.path, stderr: errors.path)
    }

    deinit {
        process.send(SIGKILL)
        process.wait()
        output.remove()
        errors.remove()
    }

    /// What the process wrote so far.
    public var written: ProcessResult {
        ProcessResult(
            status: process.isRunning ? -1 : process.wait(), stdout: output.contents(), stderr: errors.contents())
    }

    /// Waits until `condition` holds for what the process wrote, or `timeout` seconds passed, or
    /// the process exited without it; returns what it wrote by then, for the test to check.
    ///
    /// The files are read every 10 ms: output to a file has no event to wait on, and reading two
    /// small files costs nothing beside the processes under test.
    @discardableResult
    public func waitUntil(timeout: TimeInterval = 20, _ condition: (ProcessResult) -> Bool) -> ProcessResult {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let running = process.isRunning
            let now = written
            if condition(now) || !running || Date() >= deadline { return now }
            usleep(10_000)
        }
    }
}
