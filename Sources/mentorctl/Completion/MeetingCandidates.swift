import MentorProtocol

/// Meeting ids for a shell, from the running daemon.
enum MeetingCandidates {
    /// How many ended meetings `recent` adds: the last few are the ones a person still acts on.
    static let recentCount = 5

    /// Upcoming meetings, soonest first, and with `recent` the ones that ended last, latest
    /// first. Each id is described as `Weekly 1:1 with Sam, Thu 2036-12-11 15:00 +00:00`. When
    /// the typed word is not a number, the partners of those meetings too: a meeting may be named
    /// by its partner.
    static func lookup(words: [String], typed: TypedPrefix, recent: Bool) -> [CompletionCandidate] {
        guard let daemon = CompletionDaemon(words: words),
            let upcoming = daemon.call(ListMeetings.self, .init())?.meetings
        else { return [] }
        var meetings = upcoming
        if recent, let all = daemon.call(ListMeetings.self, .init(includePast: true, limit: 10_000))?.meetings {
            let upcomingIDs = Set(upcoming.map(\.id))
            meetings += all.filter { !upcomingIDs.contains($0.id) }.suffix(recentCount).reversed()
        }
        let ids = meetings.compactMap { meeting in
            typed.completing(String(meeting.id)).map {
                CompletionCandidate(
                    value: $0,
                    description: "\(meeting.title) with \(meeting.partner), \(UserTime.when(meeting.localStart))")
            }
        }
        guard !typed.text.isEmpty, !typed.text.allSatisfy(\.isNumber) else { return ids }
        let partners = meetings.compactMap { meeting in
            typed.completing(meeting.partner).map { CompletionCandidate(value: $0, description: meeting.title) }
        }
        return ids + partners
    }
}
