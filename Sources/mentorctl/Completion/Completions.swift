import ArgumentParser
import MentorProtocol

/// What the shells complete for mentorctl's arguments, computed by mentorctl itself when a shell
/// asks: the generated scripts run `mentorctl ---completion <command> -- <argument> <index>
/// <cursor> <words...>` and offer the lines it prints.
///
/// Meetings and partners come from the running daemon (nothing when none runs, see
/// ``CompletionDaemon``); steps and zones are known here and complete without it.
enum Completions {
    /// Meeting ids, soonest first, described by title, partner and start in the user's zone.
    static let upcomingMeetings = CompletionKind.custom { words, _, typed in
        MeetingCandidates.lookup(words: words, typed: TypedPrefix(text: typed), recent: false).shellLines
    }

    /// The same, then the meetings that ended last, for commands used after a meeting too.
    static let recentMeetings = CompletionKind.custom { words, _, typed in
        MeetingCandidates.lookup(words: words, typed: TypedPrefix(text: typed), recent: true).shellLines
    }

    /// Partner names of the relationships, described by the user's role with them.
    static let partners = CompletionKind.custom { words, _, typed in
        partnerCandidates(words: words, typed: TypedPrefix(text: typed)).shellLines
    }

    /// The steps, in any case.
    static let steps = CompletionKind.custom { _, _, typed in
        stepCandidates(typed: TypedPrefix(text: typed)).shellLines
    }

    /// Steps separated by commas (`purpose,prep` completes its last step).
    static let stepLists = CompletionKind.custom { _, _, typed in
        let done = typed.lastIndex(of: ",").map { String(typed[...$0]) } ?? ""
        let last = TypedPrefix(text: String(typed.dropFirst(done.count)))
        return stepCandidates(typed: last).map { CompletionCandidate(value: done + $0.value) }.shellLines
    }

    /// IANA zone names in any case.
    static let timeZones = CompletionKind.custom { _, _, typed in
        let prefix = TypedPrefix(text: typed)
        return TimeZoneNames.matching(prefix).compactMap(prefix.completing).map { CompletionCandidate(value: $0) }
            .shellLines
    }

    static func stepCandidates(typed: TypedPrefix) -> [CompletionCandidate] {
        Wire.Step.allValueStrings.compactMap(typed.completing).map { CompletionCandidate(value: $0) }
    }

    static func partnerCandidates(words: [String], typed: TypedPrefix) -> [CompletionCandidate] {
        guard let daemon = CompletionDaemon(words: words),
            let relationships = daemon.call(ListRelationships.self, NoParameters())?.relationships
        else { return [] }
        // A partner in both roles is one name to type.
        var roles: [String: [String]] = [:]
        var order: [String] = []
        for relationship in relationships {
            if roles[relationship.partner] == nil { order.append(relationship.partner) }
            roles[relationship.partner, default: []].append(relationship.role.rawValue)
        }
        return order.compactMap { partner in
            typed.completing(partner).map {
                CompletionCandidate(
                    value: $0, description: "you are the " + (roles[partner] ?? []).joined(separator: " and the "))
            }
        }
    }
}
