#if canImport(Glibc)
import Glibc
#endif

/// Reading what a file descriptor holds, to its end.
enum FileInput {
    /// Every byte left on `descriptor`, read in chunks until end of file or an error.
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }
}
