import Foundation
import Testing

@testable import MentorDaemon

/// `DaemonConfiguration.readBounded`, fed through a pipe: a descriptor whose size says nothing,
/// as for a file that grew after fstat.
struct BoundedReadTests {
    /// Writes `bytes` into a new pipe from another thread, and reads it back with `readBounded`.
    private func readThroughPipe(_ bytes: [UInt8], sizeHint: Int, limit: Int) throws -> [UInt8]? {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let read = DaemonConfiguration.readBounded(
            pipe.fileHandleForReading.fileDescriptor, sizeHint: sizeHint, limit: limit)
        // Drained before closing: a pipe smaller than what is left (a user over the pipe-pages
        // limit gets 8 KiB ones) would otherwise end the writer, and this process, with SIGPIPE.
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        try pipe.fileHandleForReading.close()
        return read.map(Array.init)
    }

    @Test func readsEverythingWhenTheSizeSaidLess() throws {
        let text = Array((0..<10_000).map { UInt8(truncatingIfNeeded: $0 % 26 + 97) })
        #expect(try readThroughPipe(text, sizeHint: 0, limit: 1 << 20) == text)
        #expect(try readThroughPipe(text, sizeHint: 100, limit: 1 << 20) == text)
    }

    @Test func readsExactlyTheLimit() throws {
        let text = [UInt8](repeating: 0x61, count: 4096)
        #expect(try readThroughPipe(text, sizeHint: 4096, limit: 4096) == text)
        #expect(try readThroughPipe(text, sizeHint: 0, limit: 4096) == text)
    }

    @Test func stopsOneBytePastTheLimit() throws {
        let text = [UInt8](repeating: 0x61, count: 50_000)
        #expect(try readThroughPipe(text, sizeHint: 0, limit: 4096)?.count == 4097)
        #expect(try readThroughPipe(text, sizeHint: 1 << 20, limit: 4096)?.count == 4097)
    }

    @Test func readsNothingFromAnEmptyPipe() throws {
        #expect(try readThroughPipe([], sizeHint: 0, limit: 4096) == [])
    }

    @Test func failsOnADescriptorThatCannotBeRead() {
        #expect(DaemonConfiguration.readBounded(-1, sizeHint: 0, limit: 4096) == nil)
    }
}
