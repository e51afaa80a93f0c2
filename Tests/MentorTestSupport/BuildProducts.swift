import Foundation

/// Where the built `mentord` and `mentorctl` are: `$MENTORD_TEST_BIN_DIR` (set by
/// `scripts/run-tests`), else next to the test bundle, which `swift build --build-tests` puts in
/// the same directory as the executables.
public enum BuildProducts {
    public static var directory: String {
        if let explicit = ProcessInfo.processInfo.environment["MENTORD_TEST_BIN_DIR"], !explicit.isEmpty {
            return explicit
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (executable as NSString).deletingLastPathComponent
    }

    /// The path of the built executable `name`.
    public static func executable(_ name: String) -> String {
        directory + "/" + name
    }
}
