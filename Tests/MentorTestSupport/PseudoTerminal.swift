/// Runs a command on a pseudo-terminal of its own, as a person's shell would, through python3's
/// `pty`: what it writes to the terminal (stdout and stderr together, lines ending in CR LF) comes
/// out on the driver's stdout as it is written.
public enum PseudoTerminal {
    /// The driver's program.
    public static let python = "/usr/bin/python3"

    /// The driver's arguments to run `command` on a terminal `columns` wide (its default size when
    /// nil). SIGTERM to the driver kills the command too.
    public static func arguments(_ command: [String], columns: Int? = nil) -> [String] {
        ["-c", driver, String(columns ?? 0)] + command
    }

    /// The window size is set in the child, before it runs the command, so the command never sees
    /// another one.
    private static let driver = """
        import fcntl, os, pty, signal, struct, sys, termios
        columns = int(sys.argv[1])
        pid, fd = pty.fork()
        if pid == 0:
            if columns:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
            os.execv(sys.argv[2], sys.argv[2:])
        def stop(*_):
            os.kill(pid, signal.SIGKILL)
            os._exit(0)
        signal.signal(signal.SIGTERM, stop)
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        os.waitpid(pid, 0)
        """
}
