import Foundation
import MentorCore
import MentorStore

extension ReminderService {
    /// Sets when relationship `id` goes quiet (``QuietRule``), if it has not been nudged for that
    /// spell yet; a relationship gone is forgotten, one that cannot be read is tried again.
    func planQuiet(_ id: Int64, now: Date) async {
        do {
            let (relationship, contact) = try await stores.quiet.contact(relationshipID: id)
            scheduler.setQuiet(id, at: try await quietWake(relationship, contact))
        } catch StoreError.noSuchRelationship {
            scheduler.setQuiet(id, at: nil)
        } catch {
            retry(.relationship(id), after: error, "Failed to plan the quiet check of relationship \(id)", now: now)
        }
    }

    /// Plans every relationship's quiet check, from one read.
    func planAllQuiet(now: Date) async {
        do {
            for (relationship, contact) in try await stores.quiet.quietCandidates() {
                scheduler.setQuiet(relationship.id, at: try await quietWake(relationship, contact))
            }
        } catch {
            retry(.everything, after: error, "Failed to plan the quiet checks", now: now)
        }
    }

    /// When to look at the relationship again: when it goes quiet, unless that spell was nudged.
    private func quietWake(_ relationship: Relationship, _ contact: RelationshipContact) async throws -> Date? {
        guard let since = QuietRule.quietSince(cadence: relationship.cadence, contact: contact) else { return nil }
        return try await stores.quiet.wasNudged(relationshipID: relationship.id, since: since) ? nil : since
    }

    /// Sends the one nudge of a quiet spell, then records it, so a crash in between repeats it
    /// rather than losing it. A relationship that had contact meanwhile is planned again instead.
    func remindQuiet(_ id: Int64, now: Date) async {
        do {
            let (relationship, contact) = try await stores.quiet.contact(relationshipID: id)
            guard let since = QuietRule.quietSince(cadence: relationship.cadence, contact: contact), since <= now,
                try await !stores.quiet.wasNudged(relationshipID: id, since: since)
            else {
                await planQuiet(id, now: now)
                return
            }
            await channels.publish(.quiet(relationship, since: since, zone: scheduler.rules.userZone, now: now))
            try await stores.quiet.recordNudge(relationshipID: id, since: since, now: now)
        } catch StoreError.noSuchRelationship {
            scheduler.setQuiet(id, at: nil)
        } catch {
            retry(.relationship(id), after: error, "Failed to nudge about relationship \(id)", now: now)
        }
    }
}
