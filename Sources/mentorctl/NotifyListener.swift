#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket in the abstract namespace that receives `sd_notify` messages, so a child
/// started with `NOTIFY_SOCKET=@name` can say when it is ready.
final class NotifyListener {
    private let descriptor: Int32

    init(abstractName: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw CommandFailure.unavailable("cannot create a socket: \(String(cString: strerror(errno)))")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let name = Array(abstractName.utf8)
        // Abstract addresses start with a NUL byte and are not files: nothing to clean up.
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw[0] = 0
            raw.baseAddress!.advanced(by: 1).copyMemory(from: name, byteCount: name.count)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + 1 + name.count)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        // Not closed here: with every stored property set, deinit runs when this throws and closes it.
        guard result == 0 else {
            throw CommandFailure.unavailable("cannot bind a notify socket: \(String(cString: strerror(errno)))")
        }
        // Abstract names carry no permissions and are listed in /proc/net/unix: ask the kernel for
        // each sender's credentials, so only the child we started can say it is ready.
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit {
        close(descriptor)
    }

    /// Waits up to `milliseconds` for a message containing `READY=1` sent by process `sender`;
    /// messages from any other process are ignored.
    func waitForReady(milliseconds: Int32, from sender: pid_t) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        // struct cmsghdr (length, level, type) followed by struct ucred (pid, uid, gid), aligned.
        var control = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { data in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    return recvmsg(descriptor, &message, 0)
                }
            }
        }
        guard count > 0, Self.senderPID(control) == sender else { return false }
        return String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").contains("READY=1")
    }

    /// The pid in an SCM_CREDENTIALS control message, if that is what `control` holds.
    private static func senderPID(_ control: [UInt8]) -> pid_t? {
        let header = MemoryLayout<Int>.size + 2 * MemoryLayout<Int32>.size
        guard control.count >= header + 12 else { return nil }
        return control.withUnsafeBytes { raw -> pid_t? in
            let level = raw.load(fromByteOffset: MemoryLayout<Int>.size, as: Int32.self)
            let type = raw.load(fromByteOffset: MemoryLayout<Int>.size + 4, as: Int32.self)
            guard level == SOL_SOCKET, type == 2 /* SCM_CREDENTIALS */ else { return nil }
            return raw.load(fromByteOffset: header, as: pid_t.self)
        }
    }
}
