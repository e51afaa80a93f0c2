import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// `FindMeeting`: the meeting and occurrence a partner's name stands for.
///
/// For `next`, the partner's occurrence under way or else the next to start, across all their
/// meetings; for `capture`, the latest that has started without a capture (within
/// ``captureLookBack``), else the next. A name that fits several partners is an `AmbiguousName`
/// listing each with the meeting it would have picked.
struct MeetingFinder: Sendable {
    let stores: MentoringStores
    let clock: any WallClock

    /// How far back a started occurrence still waits for its capture: the longest capture offset.
    static let captureLookBack: TimeInterval = 31 * 86_400

    @Sendable func find(_ parameters: FindMeeting.Parameters) async throws -> FindMeeting.Reply {
        let now = clock.now()
        let choice = parameters.choice ?? .next
        let lookup = PartnerLookup(relationships: stores.relationships)
        let found = try await lookup.candidates(parameters.name, role: parameters.role?.domain)
        guard let first = found.first else { throw MentordError.noSuchPartner(partner: parameters.name) }
        guard found.count == 1 else {
            var candidates: [Wire.PartnerCandidate] = []
            for relationship in found {
                let pick = try await self.pick(in: relationship, choice: choice, now: now)
                candidates.append(PartnerLookup.candidate(relationship, meetingID: pick?.meeting.id))
            }
            throw MentordError.ambiguousName(name: parameters.name, candidates: candidates)
        }
        guard let (meeting, occurrence) = try await pick(in: first, choice: choice, now: now) else {
            throw MentordError.noMeetingWith(partner: first.partner)
        }
        return FindMeeting.Reply(
            meeting: Wire.Meeting(meeting), occurrence: RFC3339.utc(occurrence),
            localStart: RFC3339.local(occurrence, in: meeting.timeZone))
    }

    /// The occurrence of the relationship's scheduled meetings that `choice` means at `now`.
    func pick(in relationship: Relationship, choice: Wire.MeetingChoice, now: Date) async throws
        -> (meeting: Meeting, occurrence: Date)?
    {
        let meetings = try await stores.meetings.meetings(
            MeetingQuery(includePast: true, relationshipID: relationship.id, limit: MeetingQuery.maximumLimit),
            now: now)
        if choice == .capture {
            let started = meetings.flatMap { meeting in
                meeting.occurrences(from: now.addingTimeInterval(-Self.captureLookBack), through: now, limit: 1000)
                    .map { (meeting: meeting, occurrence: $0) }
            }.sorted { $0.occurrence > $1.occurrence }
            for candidate in started
            where try await stores.captures.capture(meetingID: candidate.meeting.id, occurrence: candidate.occurrence)
                == nil
            {
                return candidate
            }
        }
        // Under way (its end still ahead) or next to start.
        return meetings.compactMap { meeting -> (meeting: Meeting, occurrence: Date)? in
            let from = now.addingTimeInterval(0.001 - TimeInterval(meeting.durationSeconds))
            return meeting.occurrences(from: from, through: .distantFuture, limit: 1).first.map { (meeting, $0) }
        }.min { ($0.occurrence, $0.meeting.id) < ($1.occurrence, $1.meeting.id) }
    }
}
