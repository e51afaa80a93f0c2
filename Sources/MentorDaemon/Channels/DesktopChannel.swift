import Foundation
import Logging
import MentorCore
import MentorProtocol
import SystemdKit

/// Desktop notifications on the user's session bus, with Open, Snooze and Done buttons.
///
/// One long-lived sd-bus connection both sends `Notify` and receives `ActionInvoked` and
/// `NotificationClosed` (servers send those only to the connection that asked). Every sd-bus
/// call runs on one serial queue. Without a bus or a server, the first failure is logged and the
/// others are not, until a notification goes through again; the next reminder is the retry, so
/// an absent bus costs no polling.
final class DesktopChannel: ReminderChannel, @unchecked Sendable {
    let name = "desktop"

    /// One notification on screen: which card it shows.
    private struct Shown {
        var meetingID: Int64
        var occurrence: Date
        var steps: [Step]
    }

    private let queue = DispatchQueue(label: "mentord.desktop")
    /// Notifications whose buttons are remembered at most.
    static let shownLimit = 256
    private let bus: SessionBus
    private let client: NotificationsClient
    private let logger: Logger
    // Confined to `queue`.
    private var shown: [UInt32: Shown] = [:]
    private var latestByMeeting: [Int64: UInt32] = [:]
    private var failing = false
    private var openCommand: [String]
    private var privacy: NotificationPrivacy
    private var onAction: (@Sendable (ReminderAction) -> Void)?

    init(openCommand: [String], timeout: Int, privacy: NotificationPrivacy, logger: Logger) {
        self.openCommand = openCommand
        self.privacy = privacy
        self.logger = logger
        bus = SessionBus(queue: queue)
        client = NotificationsClient(bus: bus, timeout: Double(timeout))
        client.onAction = { [weak self] id, key in self?.actionInvoked(id: id, key: key) }
        client.onClosed = { [weak self] id, _ in self?.closed(id: id) }
    }

    /// Where Snooze and Done go (the engine).
    func setActionHandler(_ handler: @escaping @Sendable (ReminderAction) -> Void) {
        queue.async { self.onAction = handler }
    }

    /// Applies a reloaded `[desktop] open` command, timeout and privacy.
    func use(openCommand: [String], timeout: Int, privacy: NotificationPrivacy) {
        queue.async {
            self.openCommand = openCommand
            self.client.timeout = Double(timeout)
            self.privacy = privacy
        }
    }

    func deliver(_ card: OutgoingCard) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { () throws(BusError) -> String in try self.show(card) })
            }
        }
    }

    private func show(_ card: OutgoingCard) throws(BusError) -> String {
        do {
            let capabilities = try client.serverCapabilities()
            let canOpen = openCommand.first.flatMap(CommandRunner.locate) != nil
            let notification = NotificationContent.notification(
                for: card, capabilities: capabilities, replacing: card.meetingID.flatMap { latestByMeeting[$0] } ?? 0,
                canOpen: canOpen, privacy: privacy)
            let id = try client.notify(notification)
            if failing {
                failing = false
                logger.notice("Desktop notifications work again")
            }
            if case .meeting(let meetingID, let occurrence) = card.kind {
                // Servers that never send NotificationClosed must not grow the table without end:
                // past the cap, the oldest notification's buttons stop working.
                if shown.count >= Self.shownLimit, let oldest = shown.keys.min() { closed(id: oldest) }
                shown[id] = Shown(meetingID: meetingID, occurrence: occurrence, steps: card.steps)
                latestByMeeting[meetingID] = id
            }
            return "notification \(id)"
        } catch {
            if !failing {
                failing = true
                logger.warning(
                    """
                    Desktop notifications are unavailable (\(error)); the other channels still get reminders, \
                    and the next reminder tries again
                    """)
            }
            throw error
        }
    }

    private func actionInvoked(id: UInt32, key: String) {
        guard let card = shown[id] else {
            logger.debug("Ignoring action '\(key)' on notification \(id), which is not ours")
            return
        }
        logger.info(
            "Notification action '\(key)' for meeting \(card.meetingID)",
            metadata: ["mentord.meeting.id": "\(card.meetingID)"])
        switch key {
        case NotificationContent.snoozeKey:
            onAction?(.snooze(meetingID: card.meetingID, occurrence: card.occurrence, steps: card.steps))
        case NotificationContent.doneKey:
            onAction?(.done(meetingID: card.meetingID, occurrence: card.occurrence, steps: card.steps))
        case NotificationContent.openKey:
            open(meetingID: card.meetingID, step: card.steps.first)
        default:
            logger.debug("Ignoring unknown action '\(key)' on notification \(id)")
        }
    }

    private func closed(id: UInt32) {
        guard let card = shown.removeValue(forKey: id) else { return }
        if latestByMeeting[card.meetingID] == id { latestByMeeting[card.meetingID] = nil }
    }

    /// Starts the configured program with the meeting id and the card's first step (so a capture
    /// card opens the capture prompts); it lives as long as the user keeps it open, so there is no
    /// timeout, and its output is not kept.
    private func open(meetingID: Int64, step: Step?) {
        guard !openCommand.isEmpty else { return }
        let argv =
            openCommand + [String(meetingID)] + (step.map { [$0.isAfterMeeting ? "capture" : $0.rawValue] } ?? [])
        let logger = logger
        Task.detached {
            do {
                let outcome = try await CommandRunner.run(argv, environment: [:], timeout: Int(Int32.max))
                if outcome.status != 0 { logger.warning("'\(argv[0])' exited with status \(outcome.status)") }
            } catch {
                logger.warning("Cannot open the prompts with '\(argv[0])': \(error)")
            }
        }
    }
}
