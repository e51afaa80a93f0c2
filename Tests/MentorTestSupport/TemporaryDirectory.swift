import Foundation

/// A private (0700) directory under /tmp, removed by ``remove()``.
///
/// Paths stay short on purpose: a Unix socket path must fit in 108 bytes.
public final class TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    public init() throws {
        var template = Array("/tmp/mentord-test.XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: result)
    }

    /// `path/name`.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
