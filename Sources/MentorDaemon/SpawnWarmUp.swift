/// One short run of a child process at start-up, before anything else runs, through the same
/// machinery as the hook (`CommandRunner`).
///
/// Why: the first hook a process runs that outlives its timeout crashed the daemon one time in
/// four in libdispatch's manager thread (`_dispatch_event_loop_drain`, a freed epoll muxnote: the
/// Linux back end's known race, swift-corelibs-libdispatch #949), unless a child had been run and
/// watched to its end before; the start-up check of the configuration in a child process used to
/// do that by the way. Measured here: 10 crashes in 40 fresh daemons whose first hook timed out,
/// none in 40 after one quick run. It costs one `posix_spawn` of `mentord --version`, a few
/// milliseconds, and leaves no source, timer or thread behind.
public enum SpawnWarmUp {
    /// Runs `executable --version` to its end; failures are of no interest.
    public static func run(executable: String = "/proc/self/exe") async {
        _ = try? await CommandRunner.run([executable, "--version"], environment: [:], timeout: 10)
    }
}
