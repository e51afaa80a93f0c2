import CSystemd
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// A long-lived connection to the user's D-Bus session bus through sd-bus.
///
/// sd-bus objects are not thread-safe, so every method must run on ``queue`` (the callers' own
/// serial queue). Incoming messages are read when the bus descriptor becomes readable, from a
/// `DispatchSourceRead` on that queue: an idle connection costs no wakeups. Method calls are
/// synchronous with a timeout, so a peer that never answers holds up only this queue.
///
/// When the bus goes away the connection closes itself and calls ``onDisconnect``; the owner
/// decides when to connect again.
public final class SessionBus: @unchecked Sendable {
    /// The serial queue that owns the connection.
    public let queue: DispatchQueue
    /// Called on ``queue`` once when the bus connection is lost.
    public var onDisconnect: (() -> Void)?

    private var bus: OpaquePointer?
    private var readSource: DispatchSourceRead?
    private var slots: [OpaquePointer] = []
    /// The handlers' boxes, kept alive while sd-bus holds their addresses as userdata.
    private var handlers: [SignalHandler] = []

    /// A closure sd-bus calls back through a C function pointer.
    private final class SignalHandler {
        let body: (BusMessageReader) -> Void
        init(_ body: @escaping (BusMessageReader) -> Void) { self.body = body }
    }

    public init(queue: DispatchQueue) {
        self.queue = queue
    }

    deinit {
        close()
    }

    /// Opens the session bus named by `DBUS_SESSION_BUS_ADDRESS` (or `$XDG_RUNTIME_DIR/bus`).
    public func connect() throws(BusError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard bus == nil else { return }
        var opened: OpaquePointer?
        let result = sd_bus_open_user_with_description(&opened, "mentord")
        guard result >= 0, let opened else {
            throw .unavailable(reason: "cannot connect to the session bus: \(BusError.describe(errno: -result))")
        }
        // Finish authentication and Hello now, so a dead bus address fails here, not mid-call.
        let flushed = sd_bus_flush(opened)
        guard flushed >= 0 else {
            sd_bus_flush_close_unref(opened)
            throw .unavailable(reason: "cannot connect to the session bus: \(BusError.describe(errno: -flushed))")
        }
        bus = opened
        let source = DispatchSource.makeReadSource(fileDescriptor: sd_bus_get_fd(opened), queue: queue)
        source.setEventHandler { [weak self] in self?.processPending() }
        source.activate()
        readSource = source
    }

    /// Closes the connection and forgets its signal handlers.
    public func close() {
        guard let bus else { return }
        let (slots, handlers) = (self.slots, self.handlers)
        self.bus = nil
        self.slots = []
        self.handlers = []
        // The descriptor may close only once the read source has let go of it.
        let release = {
            for slot in slots { sd_bus_slot_unref(slot) }
            withExtendedLifetime(handlers) {}
            sd_bus_close_unref(bus)
        }
        if let readSource {
            readSource.setCancelHandler(handler: release)
            readSource.cancel()
            self.readSource = nil
        } else {
            release()
        }
    }

    /// Calls a method and waits at most `timeout` seconds for the reply; `arguments` appends the
    /// call's arguments and `reply` reads the answer.
    public func call<Result>(
        destination: String, path: String, interface: String, member: String, timeout: Double,
        arguments: (BusMessageWriter) throws(BusError) -> Void = { _ throws(BusError) in },
        reply: (BusMessageReader) throws(BusError) -> Result
    ) throws(BusError) -> Result {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let bus else { throw .unavailable(reason: "not connected to the session bus") }
        var message: OpaquePointer?
        let created = sd_bus_message_new_method_call(bus, &message, destination, path, interface, member)
        guard created >= 0, let message else { throw .failed(name: "", message: BusError.describe(errno: -created)) }
        defer { sd_bus_message_unref(message) }
        try arguments(BusMessageWriter(message))
        var error = sd_bus_error()
        defer { sd_bus_error_free(&error) }
        var answer: OpaquePointer?
        let result = sd_bus_call(bus, message, UInt64(timeout * 1_000_000), &error, &answer)
        // Signals that arrived while waiting are queued inside sd-bus, where the read source
        // cannot see them: dispatch them now.
        defer { queue.async { [weak self] in self?.processPending() } }
        guard result >= 0, let answer else {
            if result == -ETIMEDOUT { throw .timedOut(member: member, seconds: timeout) }
            if sd_bus_is_open(bus) <= 0 { disconnect() }
            let name = error.name.map { String(cString: $0) } ?? ""
            let text = error.message.map { String(cString: $0) } ?? BusError.describe(errno: -result)
            if name == "org.freedesktop.DBus.Error.NoReply" { throw .timedOut(member: member, seconds: timeout) }
            throw .failed(name: name, message: text)
        }
        defer { sd_bus_message_unref(answer) }
        return try reply(BusMessageReader(answer))
    }

    /// Calls `handler` on ``queue`` for each matching signal sent to this connection or broadcast.
    public func onSignal(
        sender: String?, path: String?, interface: String, member: String,
        handler: @escaping (BusMessageReader) -> Void
    ) throws(BusError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let bus else { throw .unavailable(reason: "not connected to the session bus") }
        let box = SignalHandler(handler)
        var slot: OpaquePointer?
        let result = sd_bus_match_signal(
            bus, &slot, sender, path, interface, member,
            { message, userdata, _ in
                guard let message, let userdata else { return 0 }
                Unmanaged<SignalHandler>.fromOpaque(userdata).takeUnretainedValue().body(BusMessageReader(message))
                return 0
            }, Unmanaged.passUnretained(box).toOpaque())
        guard result >= 0, let slot else {
            throw .failed(
                name: "", message: "cannot match \(interface).\(member): \(BusError.describe(errno: -result))")
        }
        slots.append(slot)
        handlers.append(box)
    }

    /// Dispatches every message sd-bus has read or can read now, without blocking.
    private func processPending() {
        guard let bus else { return }
        while true {
            let result = sd_bus_process(bus, nil)
            if result < 0 || sd_bus_is_open(bus) <= 0 {
                disconnect()
                return
            }
            if result == 0 { return }
        }
    }

    private func disconnect() {
        guard bus != nil else { return }
        close()
        onDisconnect?()
    }
}
