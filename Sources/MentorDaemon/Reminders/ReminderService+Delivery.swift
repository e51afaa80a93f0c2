import Foundation
import MentorCore
import MentorStore

extension ReminderService {
    /// Records what a decision says happened to its occurrence and delivers its card, if any.
    /// Returns false when the card could not be claimed or the meeting changed since it was read.
    func carryOut(_ decision: ReminderPlanner.Decision, of meeting: Meeting, now: Date) async throws -> Bool {
        let occurrence = decision.occurrence
        guard
            try await stores.ledger.record(decision.missed, as: .missed, of: meeting, occurrence: occurrence, now: now),
            try await stores.ledger.record(
                decision.suppressed, as: .suppressed, of: meeting, occurrence: occurrence, now: now)
        else { return false }
        if !decision.missed.isEmpty {
            logger.notice(
                "Missed \(decision.missed.map(\.rawValue).joined(separator: ", ")) of '\(meeting.title)': it had started",
                metadata: ["mentord.meeting.id": "\(meeting.id)"])
        }
        guard let card = decision.deliver else { return true }
        return try await deliver(card, of: meeting, now: now)
    }

    /// The path from a due card to the user: claim it in the ledger (so it is never shown twice),
    /// hand it to the channels, record it delivered. Its prompts are read while the claim is
    /// written (readers and the writer are separate connections): both are on the way to delivery.
    /// Returns false, sending nothing, when the claim is refused (a step settled meanwhile, or the
    /// meeting changed since `meeting` was read).
    func deliver(_ card: ReminderCard, of meeting: Meeting, now: Date) async throws -> Bool {
        let rules = scheduler.rules
        async let outgoing = OutgoingCard.meeting(
            card, of: meeting, stores: stores, rules: rules, now: now, logger: logger)
        guard try await stores.ledger.claim(card, of: meeting, now: now) else { return false }
        faults.afterClaim()
        let subscribers = await channels.publish(await outgoing)
        try await stores.ledger.markDelivered(card, now: now)
        logger.debug(
            "Delivered \(card.steps.map(\.rawValue)) of meeting \(meeting.id) to \(subscribers) subscribers",
            metadata: ["mentord.meeting.id": "\(meeting.id)"])
        return true
    }

    /// Delivers the cards a crash left claimed but not delivered, each on its own: one failure must
    /// not strand the others.
    func deliverUnfinished() async {
        let unfinished: [ReminderCard]
        do {
            unfinished = try await stores.ledger.unfinishedCards()
        } catch {
            logger.error("Failed to read deliveries interrupted by a restart: \(error)")
            return
        }
        for card in unfinished {
            do {
                let meeting = try await stores.meetings.meeting(id: card.meetingID)
                let now = clock.now()
                await channels.publish(
                    await OutgoingCard.meeting(
                        card, of: meeting, stores: stores, rules: scheduler.rules, now: now, logger: logger))
                try await stores.ledger.markDelivered(card, now: now)
            } catch {
                logger.error("Failed to finish the delivery of a card of meeting \(card.meetingID): \(error)")
            }
        }
    }
}
