import Foundation

/// A child process started with `posix_spawn`: exactly the descriptors given, nothing else.
///
/// Foundation's `Process` lets children inherit descriptors it uses to watch them, so a test whose
/// child starts a daemon (mentorctl's autostart, socket activation) would wait for that daemon to
/// exit. Here the child gets stdin, stdout and stderr and every other descriptor is closed on exec.
public final class ChildProcess: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`, this process's environment plus `environment` minus
    /// `removingEnvironment`, and the three standard streams connected to the given files
    /// (`/dev/null` when nil).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        removingEnvironment: [String] = [], stdin: String? = nil, stdout: String? = nil, stderr: String? = nil
    ) throws {
        var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        for name in removingEnvironment { merged.removeValue(forKey: name) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        Self.markDescriptorsCloseOnExec()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        // The spawning thread may be a Dispatch worker with most signals blocked, and a child
        // inherits that mask: without a reset, SIGTERM would never reach it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child = pid_t()
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(.init(rawValue: result) ?? .EIO) }
        pid = child
    }

    /// Waits for the child to exit; its exit status, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
    }

    /// Whether the child still runs (reaping it if it has exited).
    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return false
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Marks every descriptor above stderr close-on-exec in this (test) process, so no child
    /// inherits another child's pipes or a listener's socket.
    private static func markDescriptorsCloseOnExec() {
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let descriptor = Int32(name), descriptor > 2 else { continue }
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
    }
}
