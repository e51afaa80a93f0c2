import CSystemd
import Dispatch
import Glibc

/// One run of a command, watched by Dispatch sources on a serial queue of its own: the output
/// pipe, the process's pidfd, and the timeout.
///
/// Why by hand rather than swift-subprocess: its run loop waits with `Task.sleep`, and on Linux a
/// sleeping task is woken through libdispatch's global queues, which starts the one-second
/// workqueue monitor for the rest of the process's life (see `EventLoopGlobalExecutor`). After the
/// first hook the daemon would wake 60 times a minute. Serial queues and sources never start it.
///
/// The process gets a session of its own, so a timeout or a cancelled run ends it and everything
/// it started: SIGTERM to the group, SIGKILL two seconds later. The run ends once the process has
/// exited and its output is closed; if a descendant that left the group still holds the pipe one
/// second after the SIGKILL, the run ends without waiting for it.
final class SpawnedCommand: @unchecked Sendable {
    /// Time between SIGTERM and SIGKILL, and between SIGKILL and giving up on the output.
    private static let graceAfterTerm: DispatchTimeInterval = .seconds(2)
    private static let graceAfterKill: DispatchTimeInterval = .seconds(1)

    // Everything below is read and written on `queue` only.
    private let queue = DispatchQueue(label: "mentord.command")
    private let pid: pid_t
    private let keptBytes: Int
    private var outputSource: DispatchSourceRead?
    private var exitSource: DispatchSourceRead?
    private var timers: [DispatchSourceTimer] = []
    private var kept: [UInt8] = []
    private var outputBytes = 0
    private var status: Int32?
    private var stopping = false
    private var timedOut = false
    private var continuation: CheckedContinuation<CommandRunner.Outcome, Never>?
    private var outcome: CommandRunner.Outcome?

    /// Starts `argv` with exactly `environment`; throws `LaunchError` if it cannot start (no such
    /// program, not executable, no pidfd).
    init(argv: [String], environment: [String], keptBytes: Int) throws(CommandRunner.LaunchError) {
        self.keptBytes = keptBytes
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Self.failure("pipe", errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        let program = argv[0]
        var spawned: pid_t = 0
        let error = Self.withCStrings(argv) { arguments in
            Self.withCStrings(environment) { variables in
                mentord_spawn(&spawned, program, program.contains("/") ? 0 : 1, arguments, variables, ends[1])
            }
        }
        close(ends[1])
        guard error == 0 else {
            close(ends[0])
            throw error == ENOENT
                ? CommandRunner.LaunchError(description: "\(program): no such program")
                : Self.failure(program, error)
        }
        pid = spawned
        let pidfd = mentord_pidfd_open(spawned)
        guard pidfd >= 0 else {
            let reason = errno
            kill(-spawned, SIGKILL)
            var ignored: Int32 = 0
            waitpid(spawned, &ignored, 0)
            close(ends[0])
            throw Self.failure("pidfd_open", reason)
        }
        queue.sync { watch(output: ends[0], exit: pidfd) }
    }

    /// Waits for the run to end, stopping it after `timeout` seconds or when the task is
    /// cancelled.
    func outcome(timeout: Int) async -> CommandRunner.Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    if let outcome = self.outcome { return continuation.resume(returning: outcome) }
                    self.continuation = continuation
                    self.after(.seconds(timeout)) {
                        self.timedOut = true
                        self.stop()
                    }
                }
            }
        } onCancel: {
            queue.async { self.stop() }
        }
    }

    private func watch(output: Int32, exit pidfd: Int32) {
        let outputSource = DispatchSource.makeReadSource(fileDescriptor: output, queue: queue)
        outputSource.setEventHandler { [unowned self] in drain(output) }
        outputSource.setCancelHandler { close(output) }
        let exitSource = DispatchSource.makeReadSource(fileDescriptor: pidfd, queue: queue)
        exitSource.setEventHandler { [unowned self] in reap() }
        exitSource.setCancelHandler { close(pidfd) }
        self.outputSource = outputSource
        self.exitSource = exitSource
        outputSource.resume()
        exitSource.resume()
    }

    /// Reads what is there; keeps the first `keptBytes`, counts the rest.
    private func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                outputBytes += count
                if kept.count < keptBytes { kept += buffer.prefix(min(count, keptBytes - kept.count)) }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                outputSource?.cancel()
                outputSource = nil
                finishIfDone()
                return
            } else if errno == EAGAIN {
                return
            }
        }
    }

    private func reap() {
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        if reaped == 0 { return }  // not yet: a spurious wake-up
        if reaped == pid {
            // WIFEXITED / WTERMSIG are macros, which Swift does not import.
            let signal = raw & 0x7f
            status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        } else {
            // Reaped elsewhere (SIGCHLD ignored): the exit is known, its status is not. Returning
            // here would leave the pidfd readable and this handler running in a loop.
            status = 255
        }
        exitSource?.cancel()
        exitSource = nil
        finishIfDone()
    }

    /// SIGTERM to the group, SIGKILL after the grace period, then stop waiting for the output.
    private func stop() {
        guard outcome == nil, !stopping else { return }
        stopping = true
        kill(-pid, SIGTERM)
        after(Self.graceAfterTerm) {
            kill(-self.pid, SIGKILL)
            self.after(Self.graceAfterKill) {
                self.outputSource?.cancel()
                self.outputSource = nil
                self.finishIfDone()
            }
        }
    }

    private func after(_ delay: DispatchTimeInterval, _ action: @escaping () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay)
        timer.setEventHandler(handler: action)
        timers.append(timer)
        timer.resume()
    }

    private func finishIfDone() {
        guard outcome == nil, let status, outputSource == nil else { return }
        for timer in timers { timer.cancel() }
        timers = []
        let outcome = CommandRunner.Outcome(
            status: status, timedOut: timedOut, output: String(decoding: kept, as: UTF8.self),
            outputBytes: outputBytes)
        self.outcome = outcome
        continuation?.resume(returning: outcome)
        continuation = nil
    }

    private static func failure(_ what: String, _ code: Int32) -> CommandRunner.LaunchError {
        CommandRunner.LaunchError(description: "\(what): \(String(cString: strerror(code)))")
    }

    /// Calls `body` with a NULL-terminated array of C copies of `strings`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let copies = strings.map { strdup($0) } + [nil]
        defer { for copy in copies { free(copy) } }
        return body(copies)
    }
}
