import Foundation
import MentorTestSupport
import Testing

@testable import MentorDaemon

struct SocketFileTests {
    @Test func createsAPrivateDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SocketFile.prepare(directory.file("run/socket"))
        var info = stat()
        #expect(stat(directory.file("run"), &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func refusesADirectoryOthersCanWriteTo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        mkdir(directory.file("open"), 0o700)
        chmod(directory.file("open"), 0o777)
        #expect(
            throws: DaemonError.unsafeSocketDirectory(
                path: directory.file("open"), reason: "writable by others (mode 777)")
        ) {
            try SocketFile.prepare(directory.file("open/socket"))
        }
    }

    @Test func leavesAnythingButASocketAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("socket")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DaemonError.socketPathOccupied(path: path)) { try SocketFile.prepare(path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func removesAStaleSocketThatNobodyListensOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("socket")
        // Bound but never listening: what a crashed daemon leaves behind.
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(descriptor)
        #expect(FileManager.default.fileExists(atPath: path))
        try SocketFile.prepare(path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
