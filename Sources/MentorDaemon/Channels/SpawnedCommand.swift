import CSystemd
import Glibc

/// One run of a command, watched by a thread of its own that waits in `poll(2)` on the output
/// pipe, the process's pidfd and a pipe that carries cancellation.
///
/// Why by hand rather than swift-subprocess: its run loop waits with `Task.sleep`, and on Linux a
/// sleeping task is woken through libdispatch's global queues, which starts the one-second
/// workqueue monitor for the rest of the process's life (see `EventLoopGlobalExecutor`). After the
/// first hook the daemon would wake 60 times a minute. Why a thread rather than Dispatch sources:
/// a fresh daemon whose first command outlived its timeout crashed one time in four in
/// libdispatch's manager thread (`_dispatch_event_loop_drain`, a freed epoll muxnote: the Linux
/// back end's known race, swift-corelibs-libdispatch #949). A thread lives only while its command
/// runs, so nothing is left to wake the daemon when no command runs.
///
/// The process gets a session of its own, so a timeout or a cancelled run ends it and everything
/// it started: SIGTERM to the group, SIGKILL two seconds later. The run ends once the process has
/// exited and its output is closed; if a descendant that left the group still holds the pipe one
/// second after the SIGKILL, the run ends without waiting for it.
final class SpawnedCommand: Sendable {
    /// Time between SIGTERM and SIGKILL, and between SIGKILL and giving up on the output.
    private static let graceAfterTermMilliseconds: Int64 = 2000
    private static let graceAfterKillMilliseconds: Int64 = 1000

    private let pid: pid_t
    private let output: Int32
    private let pidfd: Int32
    /// A pipe whose write end is written to stop the run early (the caller's task was
    /// cancelled); the watching thread polls the read end.
    private let cancellation: Int32
    private let cancel: Int32
    private let keptBytes: Int

    /// Starts `argv` with exactly `environment`; throws `LaunchError` if it cannot start (no such
    /// program, not executable, no pidfd).
    init(argv: [String], environment: [String], keptBytes: Int) throws(CommandRunner.LaunchError) {
        self.keptBytes = keptBytes
        var ends: [Int32] = [-1, -1]
        var stop: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Self.failure("pipe", errno) }
        guard pipe(&stop) == 0 else {
            let reason = errno
            for end in ends { close(end) }
            throw Self.failure("pipe", reason)
        }
        for end in ends + stop { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
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
            for end in [ends[0]] + stop { close(end) }
            throw error == ENOENT
                ? CommandRunner.LaunchError(description: "\(program): no such program")
                : Self.failure(program, error)
        }
        let pidfd = mentord_pidfd_open(spawned)
        guard pidfd >= 0 else {
            let reason = errno
            kill(-spawned, SIGKILL)
            var ignored: Int32 = 0
            waitpid(spawned, &ignored, 0)
            for end in [ends[0]] + stop { close(end) }
            throw Self.failure("pidfd_open", reason)
        }
        pid = spawned
        output = ends[0]
        self.pidfd = pidfd
        cancellation = stop[0]
        cancel = stop[1]
    }

    deinit {
        close(cancellation)
        close(cancel)
    }

    /// Waits for the run to end, stopping it after `timeout` seconds or when the task is
    /// cancelled. Call it once.
    func outcome(timeout: Int) async -> CommandRunner.Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let started = Self.startThread {
                    var watch = Watch(command: self, timeoutMilliseconds: Int64(timeout) * 1000)
                    continuation.resume(returning: watch.run())
                }
                if !started {
                    // No thread to watch it: stop it at once rather than leave it unwatched.
                    var watch = Watch(command: self, timeoutMilliseconds: 0)
                    watch.stopNow()
                    continuation.resume(returning: watch.run())
                }
            }
        } onCancel: {
            var one: UInt8 = 1
            _ = write(cancel, &one, 1)
        }
    }

    /// The run as seen from its thread: what was read, and which stage of stopping it is in.
    private struct Watch {
        let command: SpawnedCommand
        var deadline: Int64
        var kept: [UInt8] = []
        var outputBytes = 0
        var outputOpen = true
        var status: Int32?
        var timedOut = false
        /// 0 running, 1 SIGTERM sent, 2 SIGKILL sent.
        var stage = 0

        init(command: SpawnedCommand, timeoutMilliseconds: Int64) {
            self.command = command
            deadline = SpawnedCommand.monotonicMilliseconds() + timeoutMilliseconds
        }

        /// Polls until the process has exited and its output is closed (or given up on).
        mutating func run() -> CommandRunner.Outcome {
            while status == nil || outputOpen {
                let wait = max(0, deadline - SpawnedCommand.monotonicMilliseconds())
                var fds = [
                    pollfd(fd: outputOpen ? command.output : -1, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: status == nil ? command.pidfd : -1, events: Int16(POLLIN), revents: 0),
                    // Once stopping, the cancellation has nothing left to do (and stays readable).
                    pollfd(fd: stage == 0 ? command.cancellation : -1, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: wait))
                if ready < 0 && errno != EINTR { stopNow() }
                if fds[0].revents != 0 { drain() }
                if fds[1].revents != 0 { reap() }
                if fds[2].revents != 0, stage == 0 { terminate() }
                if SpawnedCommand.monotonicMilliseconds() >= deadline { escalate() }
            }
            if outputOpen { closeOutput() }
            close(command.pidfd)
            return CommandRunner.Outcome(
                status: status ?? 255, timedOut: timedOut, output: String(decoding: kept, as: UTF8.self),
                outputBytes: outputBytes)
        }

        /// Ends the run without waiting: SIGKILL to the group, the output and the status given up on.
        mutating func stopNow() {
            kill(-command.pid, SIGKILL)
            stage = 2
            deadline = SpawnedCommand.monotonicMilliseconds()
        }

        /// The next step once a deadline passes: the timeout, then the two grace periods.
        private mutating func escalate() {
            switch stage {
            case 0:
                timedOut = true
                terminate()
            case 1:
                kill(-command.pid, SIGKILL)
                stage = 2
                deadline = SpawnedCommand.monotonicMilliseconds() + SpawnedCommand.graceAfterKillMilliseconds
            default:
                // A descendant that left the group holds the pipe; the process itself was killed.
                if outputOpen { closeOutput() }
                if status == nil { reap(blocking: true) }
            }
        }

        private mutating func terminate() {
            kill(-command.pid, SIGTERM)
            stage = 1
            deadline = SpawnedCommand.monotonicMilliseconds() + SpawnedCommand.graceAfterTermMilliseconds
        }

        /// Reads what is there; keeps the first `keptBytes`, counts the rest.
        private mutating func drain() {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(command.output, $0.baseAddress, $0.count) }
                if count > 0 {
                    outputBytes += count
                    if kept.count < command.keptBytes {
                        kept += buffer.prefix(min(count, command.keptBytes - kept.count))
                    }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    if count == 0 || errno != EAGAIN { closeOutput() }
                    return
                }
            }
        }

        private mutating func closeOutput() {
            close(command.output)
            outputOpen = false
        }

        private mutating func reap(blocking: Bool = false) {
            var raw: Int32 = 0
            let reaped = waitpid(command.pid, &raw, blocking ? 0 : WNOHANG)
            if reaped == 0 { return }  // not yet: a spurious wake-up
            if reaped == command.pid {
                // WIFEXITED / WTERMSIG are macros, which Swift does not import.
                let signal = raw & 0x7f
                status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            } else {
                // Reaped elsewhere (SIGCHLD ignored): the exit is known, its status is not. Waiting
                // on would leave the pidfd readable and this loop spinning.
                status = 255
            }
        }
    }

    /// Starts a detached thread running `body`; false when the system has none to give.
    private static func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(ThreadBody(body))
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { raw in
                let body = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
        guard created == 0 else {
            box.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// A closure carried through `pthread_create`'s one pointer.
    private final class ThreadBody {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
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
