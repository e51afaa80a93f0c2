import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Starts mentord in the background when nothing listens on the socket, as gpg-agent is started
/// by gpg: for machines without a systemd user manager (containers, CI, ssh sessions).
///
/// Readiness is not guessed by retrying: the child gets a private `NOTIFY_SOCKET` (an abstract
/// datagram socket) and mentord's `READY=1` there means the socket accepts calls. Its stderr goes
/// to `$XDG_STATE_HOME/mentord/mentord.log`, quoted when start-up fails.
enum DaemonLauncher {
    /// How long mentord may take to become ready.
    static let startTimeoutMilliseconds: Int32 = 15_000

    /// glibc's POSIX_SPAWN_SETSID (since 2.26), which its Swift module does not export.
    private static let spawnSetSID: Int16 = 0x80

    static func start(socket: String) throws {
        let executable = try mentordExecutable()
        let logPath = try logFilePath()
        let notifyName = "mentorctl-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let listener = try NotifyListener(abstractName: notifyName)
        let pid = try spawn(
            executable, arguments: ["--socket", socket], notifySocket: "@" + notifyName, logPath: logPath)
        var waited: Int32 = 0
        while waited < startTimeoutMilliseconds {
            if listener.waitForReady(milliseconds: 100, from: pid) { return }
            waited += 100
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // Another mentorctl may have started a daemon at the same moment; ours then lost
                // the race and exited. If the socket answers, all is well.
                if (try? VarlinkConnection(path: socket)) != nil { return }
                throw CommandFailure.unavailable(
                    "mentord exited during start-up: \(lastLine(of: logPath) ?? "see \(logPath)"); "
                        + "run '\(executable) --socket \(socket)' in a terminal to see it fail")
            }
        }
        throw CommandFailure.unavailable(
            "mentord did not become ready within \(startTimeoutMilliseconds / 1000) s; see \(logPath), "
                + "or 'systemctl --user status mentord' if systemd runs it")
    }

    /// `mentord` next to this `mentorctl` (installed together), else the first one on PATH.
    private static func mentordExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        var candidates: [String] = []
        if length > 0 {
            let me = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = me.lastIndex(of: "/") { candidates.append(String(me[..<slash]) + "/mentord") }
        }
        let path = SocketPath.environmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        candidates += path.split(separator: ":").map { "\($0)/mentord" }
        guard let found = candidates.first(where: { access($0, X_OK) == 0 }) else {
            throw CommandFailure.unavailable(
                "mentord is not running and no mentord executable was found next to mentorctl or on PATH; "
                    + "run 'make install' in the mentord source tree, or add the directory holding mentord to PATH")
        }
        return found
    }

    /// Where a daemon this client starts writes its log.
    static var logPath: String { StateDirectory.path() + "/mentord.log" }

    private static func logFilePath() throws -> String {
        logPath
    }

    private static func spawn(_ executable: String, arguments: [String], notifySocket: String, logPath: String) throws
        -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        markDescriptorsCloseOnExec()
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own: the daemon outlives this terminal and ignores its Ctrl-C.
        posix_spawnattr_setflags(&attributes, Self.spawnSetSID)

        var environment = currentEnvironment().filter { !$0.hasPrefix("NOTIFY_SOCKET=") && !$0.hasPrefix("LISTEN_") }
        environment.append("NOTIFY_SOCKET=" + notifySocket)
        let argv = [executable] + arguments
        var pid = pid_t()
        let result = withCStrings(argv) { cArguments in
            withCStrings(environment) { cEnvironment in
                posix_spawn(&pid, executable, &actions, &attributes, cArguments, cEnvironment)
            }
        }
        guard result == 0 else {
            throw CommandFailure.unavailable("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Keeps every descriptor above stderr out of the daemon. An inherited pipe or socket would
    /// keep whoever waits on its other end (a shell, a test harness) waiting as long as mentord runs.
    /// (glibc's posix_spawn_file_actions_addclosefrom_np is not exported to Swift.)
    private static func markDescriptorsCloseOnExec() {
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        let own = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let descriptor = Int32(name), descriptor > 2, descriptor != own else { continue }
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
    }

    private static func currentEnvironment() -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            entries.append(String(cString: entry))
            cursor += 1
        }
        return entries
    }

    private static func lastLine(of path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var last: String?
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        while getline(&line, &capacity, file) > 0 {
            let text = String(cString: line!).trimmingSuffixNewline
            if !text.isEmpty { last = text }
        }
        free(line)
        return last
    }
}

extension String {
    fileprivate var trimmingSuffixNewline: String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }
}
