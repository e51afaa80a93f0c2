import Foundation
import MentorCore
import MentorStore

extension ReminderService {
    /// Sends the cards held for `day`'s digest: two or more as one digest card, one on its own.
    ///
    /// Each card is claimed in the ledger before anything is shown, as any card is, so a step is
    /// never shown twice; a card whose claim is refused (done meanwhile) is left out and its
    /// meeting planned again. A crash between the claims and the delivery leaves them claimed,
    /// and the restart delivers each as a card of its own: late, but once.
    func deliverDigest(day: Int, now: Date) async {
        let cards = scheduler.takeDigest(day: day)
        guard cards.count > 1 else {
            for card in cards { await deliverOnItsOwn(card, now: now) }
            return
        }
        var claimed: [(card: ReminderCard, meeting: Meeting)] = []
        for card in cards {
            do {
                let meeting = try await stores.meetings.meeting(id: card.meetingID)
                if try await stores.ledger.claim(card, of: meeting, now: now) {
                    claimed.append((card, meeting))
                } else {
                    await planMeeting(card.meetingID, now: now)
                }
            } catch {
                retry(
                    .meeting(card.meetingID), after: error,
                    "Failed to claim the digest card of meeting \(card.meetingID)", now: now,
                    metadata: ["mentord.meeting.id": "\(card.meetingID)"])
            }
        }
        guard !claimed.isEmpty else { return }
        let rules = scheduler.rules
        let outgoing =
            if claimed.count == 1 {
                await OutgoingCard.meeting(
                    claimed[0].card, of: claimed[0].meeting, stores: stores, rules: rules, now: now, logger: logger)
            } else {
                await OutgoingCard.digest(claimed, stores: stores, rules: rules, now: now, logger: logger)
            }
        faults.afterClaim()
        await channels.publish(outgoing)
        for (card, meeting) in claimed {
            do {
                try await stores.ledger.markDelivered(card, now: now)
            } catch {
                logger.error(
                    "Failed to record the digest card of meeting \(meeting.id) as delivered: \(error)",
                    metadata: ["mentord.meeting.id": "\(meeting.id)"])
            }
        }
    }

    /// A held card that ended up alone: sent as it would have been without the digest.
    private func deliverOnItsOwn(_ card: ReminderCard, now: Date) async {
        do {
            let meeting = try await stores.meetings.meeting(id: card.meetingID)
            if try await !deliver(card, of: meeting, now: now) { await planMeeting(card.meetingID, now: now) }
        } catch {
            await planMeeting(card.meetingID, now: now)
        }
    }
}
