import Dispatch
import Glibc

/// One inotify descriptor watching one folder, for a followed file (its folder, since editors and
/// vdirsyncer replace files by renaming) or a vdir folder. The kernel wakes the daemon only when
/// something in the folder changes: nothing runs while nothing does.
///
/// Events are gathered for ``settleMilliseconds`` after the first of a burst, then `changed` is called
/// once: a vdirsyncer run that writes a hundred files is one sync, still well within a second.
final class DirectoryWatcher: @unchecked Sendable {
    /// What changes a follower: a file written and closed, moved in or out, deleted; the folder
    /// itself moved or deleted; the kernel's queue overflowed (then everything is read again anyway).
    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF
            | IN_ONLYDIR)
    static let settleMilliseconds = 100

    private let descriptor: Int32
    private let queue: DispatchQueue
    private let source: DispatchSourceRead
    /// The one-shot timer of a burst; nil while none is pending. Touched only on `queue`.
    private var settling: DispatchSourceTimer?

    /// Watches `folder`; `names` limits the events to those files (nil: every `*.ics` file).
    init(folder: String, names: Set<String>?, queue: DispatchQueue, changed: @escaping @Sendable () -> Void) throws {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw CalendarFetchError(description: "inotify: \(String(cString: strerror(errno)))")
        }
        guard inotify_add_watch(descriptor, folder, Self.mask) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CalendarFetchError(description: "cannot watch \(folder): \(reason)")
        }
        self.descriptor = descriptor
        self.queue = queue
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [unowned self] in
            if self.drain(names: names) { self.settle(changed) }
        }
        source.setCancelHandler { close(descriptor) }
        source.activate()
    }

    /// Stops watching and closes the descriptor.
    func cancel() {
        source.cancel()
        queue.async { [self] in
            settling?.cancel()
            settling = nil
        }
    }

    /// Reads every pending event; whether one of them matters.
    private func drain(names: Set<String>?) -> Bool {
        var matters = false
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return matters }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (mask, length, name) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<min(start + Int(event.len), count)].prefix { $0 != 0 }
                    return (event.mask, Int(event.len), String(decoding: bytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + length
                if mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                    matters = true
                } else if let names {
                    matters = matters || names.contains(name)
                } else {
                    matters = matters || (name.hasSuffix(".ics") && !name.hasPrefix("."))
                }
            }
        }
    }

    /// Calls `changed` once, a moment after the first event of a burst.
    private func settle(_ changed: @escaping @Sendable () -> Void) {
        guard settling == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(Self.settleMilliseconds))
        timer.setEventHandler { [unowned self] in
            settling?.cancel()
            settling = nil
            changed()
        }
        settling = timer
        timer.activate()
    }
}
