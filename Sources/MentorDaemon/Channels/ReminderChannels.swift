import Logging
import MentorProtocol
import NIOConcurrencyHelpers

/// Every way a reminder goes out: the subscribers of `Subscribe` (`mentorctl watch`) always, and
/// the desktop, journal and hook channels as configured.
///
/// Subscribers and the journal get the card before ``publish(_:)`` returns, which is what the
/// ledger's "delivered" records; the desktop and the hook get it on their own tasks, so a bus or
/// hook that hangs never delays the engine or the next reminder.
final class ReminderChannels: Sendable {
    let broadcaster: ReminderBroadcaster
    private let settings: NIOLockedValueBox<ChannelSettings>
    private let desktop: DesktopChannel
    private let hooks = HookGate(limit: 4)
    private let logger: Logger

    init(settings: ChannelSettings, broadcaster: ReminderBroadcaster, logger: Logger) {
        self.settings = NIOLockedValueBox(settings)
        self.broadcaster = broadcaster
        self.logger = logger
        desktop = DesktopChannel(
            openCommand: settings.openCommand, timeout: settings.desktopTimeoutSeconds,
            privacy: settings.desktopPrivacy, logger: logger)
    }

    /// Where the desktop's Snooze and Done buttons go.
    func setActionHandler(_ handler: @escaping @Sendable (ReminderAction) -> Void) {
        desktop.setActionHandler(handler)
    }

    /// Applies reloaded settings to the next reminders.
    func apply(_ fresh: ChannelSettings) {
        settings.withLockedValue { $0 = fresh }
        desktop.use(openCommand: fresh.openCommand, timeout: fresh.desktopTimeoutSeconds, privacy: fresh.desktopPrivacy)
    }

    /// The channels the settings enable, besides the subscribers.
    private func enabled(_ settings: ChannelSettings) -> [any ReminderChannel] {
        var channels: [any ReminderChannel] = []
        if settings.journal { channels.append(JournalChannel(logger: logger)) }
        if settings.desktop { channels.append(desktop) }
        if !settings.hookCommand.isEmpty {
            channels.append(
                HookChannel(
                    command: settings.hookCommand, timeout: settings.hookTimeoutSeconds, gate: hooks, logger: logger))
        }
        return channels
    }

    /// Sends `card` everywhere; returns the number of subscribers that got it.
    @discardableResult
    func publish(_ card: OutgoingCard) async -> Int {
        let subscribers = broadcaster.publish(card.reminder)
        for channel in enabled(settings.withLockedValue { $0 }) {
            if channel is JournalChannel {
                _ = try? await channel.deliver(card)
            } else {
                // Failures are logged by each channel, the way that channel needs.
                Task { _ = try? await channel.deliver(card) }
            }
        }
        return subscribers
    }

    /// Sends `card` through every channel and waits for each one's result (`TestNotify`).
    func test(_ card: OutgoingCard) async -> [Wire.ChannelResult] {
        let current = settings.withLockedValue { $0 }
        let active = enabled(current)
        var reports = [
            Wire.ChannelResult(
                channel: "subscribers", enabled: true, ok: true,
                detail: "\(broadcaster.publish(card.reminder)) connected (mentorctl watch)")
        ]
        await withTaskGroup(of: (Int, Wire.ChannelResult).self) { group in
            for (index, channel) in active.enumerated() {
                group.addTask {
                    do {
                        return (
                            index,
                            Wire.ChannelResult(
                                channel: channel.name, enabled: true, ok: true,
                                detail: try await channel.deliver(card))
                        )
                    } catch {
                        return (
                            index,
                            Wire.ChannelResult(channel: channel.name, enabled: true, ok: false, detail: "\(error)")
                        )
                    }
                }
            }
            var results: [(Int, Wire.ChannelResult)] = []
            for await result in group { results.append(result) }
            reports += results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for name in ["journal", "desktop", "hook"] where !active.contains(where: { $0.name == name }) {
            let why = name == "hook" ? "no [hook] command configured" : "disabled in the configuration"
            reports.append(Wire.ChannelResult(channel: name, enabled: false, ok: false, detail: why))
        }
        return reports
    }
}
