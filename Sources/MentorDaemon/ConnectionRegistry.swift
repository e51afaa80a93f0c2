import NIOConcurrencyHelpers
import NIOCore

/// The open client connections: enforces the connection limit and lets shutdown close idle
/// connections at once while busy ones finish their call first.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: (channel: any Channel, busy: Bool)] = [:]
        var shuttingDown = false
        var limit: Int
    }

    private let state: NIOLockedValueBox<State>

    init(limit: Int) {
        state = NIOLockedValueBox(State(limit: limit))
    }

    /// The most connections served at once; a lower new limit closes no open connection.
    var limit: Int {
        get { state.withLockedValue { $0.limit } }
        set { state.withLockedValue { $0.limit = newValue } }
    }

    /// Registers a new connection; false when at the limit or shutting down.
    func admit(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown, state.channels.count < state.limit else { return false }
            state.channels[ObjectIdentifier(channel)] = (channel, false)
            return true
        }
    }

    /// Marks a connection busy (a call in progress) or idle; returns whether shutdown has begun,
    /// in which case an idle connection should close.
    func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)]?.busy = busy
            return state.shuttingDown
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Whether shutdown has begun.
    var isShuttingDown: Bool { state.withLockedValue { $0.shuttingDown } }

    /// Open connections.
    var count: Int { state.withLockedValue { $0.channels.count } }

    /// How long a call in progress may take to finish once shutdown begins (a client that stopped
    /// reading its reply would otherwise hold the daemon forever).
    static let shutdownGrace = TimeAmount.seconds(10)

    /// Refuses new connections and closes idle ones; busy ones close after their reply, or after
    /// ``shutdownGrace`` at the latest.
    func beginShutdown() {
        let (idle, busy) = state.withLockedValue { state in
            state.shuttingDown = true
            let all = Array(state.channels.values)
            return (all.filter { !$0.busy }.map(\.channel), all.filter(\.busy).map(\.channel))
        }
        for channel in idle { channel.close(promise: nil) }
        for channel in busy {
            channel.eventLoop.scheduleTask(in: Self.shutdownGrace) { channel.close(promise: nil) }
        }
    }
}
