import Foundation

/// Reads the configuration file only after a child process has read it without crashing.
///
/// The TOML parser (toml++ inside TOMLKit) is built with its assertions on, and some malformed
/// files trip them: `[` at the end of a line, `a = [}`, a time without digits. An assertion aborts
/// the process, and at a reload that would be the running daemon. So the file is first read by
/// `mentord --check-config PATH`; if that child dies of a signal the file is refused with a
/// message, and only a file the child survived is parsed in the daemon itself.
public enum IsolatedConfigurationLoader {
    /// The configuration at `path`, checked first by `executable --check-config path`.
    public static func load(path: String, executable: String) async throws -> DaemonConfiguration {
        if FileManager.default.fileExists(atPath: path) {
            let outcome = try await CommandRunner.run(
                [executable, "--check-config", path], environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: 10)
            if outcome.timedOut || outcome.status > 128 {
                throw DaemonError.invalidConfiguration(
                    path: path,
                    reason: """
                        the TOML parser crashed reading this file (look for a [table] header that is not \
                        closed on its line, a [ closed by }, or a date-time without its time)
                        """)
            }
        }
        return try DaemonConfiguration.load(path: path)
    }
}
