import NIOConcurrencyHelpers
import NIOCore

/// The open client connections: enforces the connection limit, closes connections left idle,
/// and lets shutdown close idle connections at once while busy ones finish their call first.
///
/// A connection is idle from its admission, and again after each reply, until its next message
/// starts to arrive; idle for ``idleTimeout`` it is closed, so connections a process leaks cannot
/// hold every slot. A subscription (a streaming call) is never idle. Each idle connection has one
/// timer (``ConnectionIdleTimer``), cancelled as soon as bytes arrive or the connection closes:
/// with no connection open, or none idle, nothing is armed and the daemon does not wake.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        var busy = false
        var streaming = false
        var idleTimer: ConnectionIdleTimer?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var shuttingDown = false
        var limit: Int
        var idleTimeout: TimeAmount
    }

    private let state: NIOLockedValueBox<State>

    init(limit: Int, idleTimeout: TimeAmount) {
        state = NIOLockedValueBox(State(limit: limit, idleTimeout: idleTimeout))
    }

    /// The most connections served at once; a lower new limit closes no open connection.
    var limit: Int {
        get { state.withLockedValue { $0.limit } }
        set { state.withLockedValue { $0.limit = newValue } }
    }

    /// How long a connection may stay idle; a new value applies from each connection's next idle spell.
    var idleTimeout: TimeAmount {
        get { state.withLockedValue { $0.idleTimeout } }
        set { state.withLockedValue { $0.idleTimeout = newValue } }
    }

    /// Registers a new connection, idle until its first message; false when at the limit or
    /// shutting down.
    func admit(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown, state.entries.count < state.limit else { return false }
            var entry = Entry(channel: channel)
            entry.idleTimer = Self.closeWhenIdle(channel, after: state.idleTimeout)
            state.entries[ObjectIdentifier(channel)] = entry
            return true
        }
    }

    /// Marks a connection busy (a call in progress) or idle; returns whether shutdown has begun,
    /// in which case an idle connection should close.
    func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            guard var entry = state.entries[key] else { return state.shuttingDown }
            entry.busy = busy
            entry.idleTimer?.cancel()
            entry.idleTimer =
                busy || entry.streaming || state.shuttingDown
                ? nil : Self.closeWhenIdle(channel, after: state.idleTimeout)
            state.entries[key] = entry
            return state.shuttingDown
        }
    }

    /// Marks a connection as a subscription: from now on it is never closed for being quiet.
    /// Returns whether shutdown has begun, in which case the stream should not start.
    func setStreaming(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            state.entries[key]?.streaming = true
            state.entries[key]?.busy = false
            state.entries[key]?.idleTimer?.cancel()
            state.entries[key]?.idleTimer = nil
            return state.shuttingDown
        }
    }

    /// Part of a message arrived: the connection is no longer idle (its reply re-arms the timer),
    /// so a call that arrives just as the timeout runs out is answered, not cut off. A message
    /// that stalls half-way is the frame decoder's business (`message_timeout`).
    func noteActivity(_ channel: any Channel) {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            state.entries[key]?.idleTimer?.cancel()
            state.entries[key]?.idleTimer = nil
        }
    }

    func remove(_ channel: any Channel) {
        state.withLockedValue { state in
            state.entries.removeValue(forKey: ObjectIdentifier(channel))?.idleTimer?.cancel()
        }
    }

    /// Whether shutdown has begun.
    var isShuttingDown: Bool { state.withLockedValue { $0.shuttingDown } }

    /// Open connections.
    var count: Int { state.withLockedValue { $0.entries.count } }

    /// How long a call in progress may take to finish once shutdown begins (a client that stopped
    /// reading its reply would otherwise hold the daemon forever).
    static let shutdownGrace = TimeAmount.seconds(10)

    /// Refuses new connections and closes idle ones; busy ones close after their reply, or after
    /// ``shutdownGrace`` at the latest.
    func beginShutdown() {
        let (idle, busy) = state.withLockedValue { state in
            state.shuttingDown = true
            for key in state.entries.keys {
                state.entries[key]?.idleTimer?.cancel()
                state.entries[key]?.idleTimer = nil
            }
            let all = Array(state.entries.values)
            return (all.filter { !$0.busy }.map(\.channel), all.filter(\.busy).map(\.channel))
        }
        for channel in idle { channel.close(promise: nil) }
        for channel in busy {
            channel.eventLoop.scheduleTask(in: Self.shutdownGrace) { channel.close(promise: nil) }
        }
    }

    /// Closes `channel` after `timeout` unless cancelled first.
    private static func closeWhenIdle(_ channel: any Channel, after timeout: TimeAmount) -> ConnectionIdleTimer {
        ConnectionIdleTimer(closing: channel, after: timeout)
    }
}
