import Foundation
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The control socket's file and directory: made safe before binding, removed after.
enum SocketFile {
    /// Makes `path` ready to bind: its directory exists, is ours and closed to others; a stale
    /// socket left by a crash is removed; a live one means another daemon runs.
    static func prepare(_ path: String) throws(DaemonError) {
        let directory = (path as NSString).deletingLastPathComponent
        try prepareDirectory(directory.isEmpty ? "." : directory)
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .socketPathOccupied(path: path) }
        do {
            _ = try VarlinkConnection(path: path)
            throw DaemonError.alreadyRunning(socket: path)
        } catch let error as DaemonError {
            throw error
        } catch {
            // Only "connection refused" means nobody listens: the socket is left over from a
            // process that died. Anything else (a daemon still starting, a permission problem)
            // must not cost a live daemon its socket.
            guard case .cannotConnect(_, let code) = error as? VarlinkConnectionError, code == ECONNREFUSED else {
                throw .cannotListen(socket: path, reason: "cannot tell whether \(path) is in use: \(error)")
            }
            guard unlink(path) == 0 else {
                throw .cannotListen(
                    socket: path, reason: "cannot remove stale socket: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Creates the directory with mode 0700 if missing; refuses one owned by another user or
    /// writable by others (anyone could then replace our socket with theirs).
    private static func prepareDirectory(_ directory: String) throws(DaemonError) {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotListen(
                    socket: directory, reason: "cannot create the directory: \(error.localizedDescription)")
            }
        }
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .unsafeSocketDirectory(path: directory, reason: "not a directory")
        }
        guard info.st_uid == getuid() else {
            throw .unsafeSocketDirectory(path: directory, reason: "owned by uid \(info.st_uid), not \(getuid())")
        }
        guard info.st_mode & 0o022 == 0 else {
            throw .unsafeSocketDirectory(
                path: directory, reason: "writable by others (mode \(String(info.st_mode & 0o777, radix: 8)))")
        }
    }

    /// The path a passed Unix socket is bound to, nil for an abstract or unnamed one.
    static func boundPath(of descriptor: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let path = withUnsafeBytes(of: address.sun_path) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return path.hasPrefix("/") ? path : nil
    }

    /// Limits the bound socket to its owner.
    static func restrictToOwner(_ path: String) {
        chmod(path, 0o600)
    }

    /// The device and inode of the file at `path`, to recognise our own socket later.
    static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// Removes the socket at `path` if it is still the one we bound (a newer daemon may have
    /// replaced it after we were asked to stop).
    static func remove(_ path: String, ifIdentity expected: (device: UInt64, inode: UInt64)) {
        guard let current = identity(of: path), current == expected else { return }
        unlink(path)
    }
}
