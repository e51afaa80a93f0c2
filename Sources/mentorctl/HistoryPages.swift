import MentorProtocol

/// A relationship's history read a page at a time, so that no reply has to hold all of it (a
/// client reads replies of up to 64 MiB; answers and captures can add up to more).
enum HistoryPages {
    /// Entries per call; the daemon also ends a page early once it holds about 4 MiB of text.
    static let limit = 100

    /// Calls GetHistory until the daemon says nothing follows, handing each reply to `body`.
    static func read(
        _ relationship: RelationshipIdentifier, from connection: VarlinkConnection,
        _ body: (GetHistory.Reply) throws -> Void
    ) throws {
        var after: String?
        repeat {
            let page = try connection.call(
                GetHistory.self,
                .init(partner: relationship.partner, role: relationship.role, after: after, limit: limit))
            try body(page)
            after = page.next
        } while after != nil
    }

    /// The whole history in one reply value (its `next` nil).
    static func all(_ relationship: RelationshipIdentifier, from connection: VarlinkConnection) throws
        -> GetHistory.Reply
    {
        var whole: GetHistory.Reply?
        try read(relationship, from: connection) { page in
            if whole == nil { whole = page } else { whole?.entries += page.entries }
        }
        whole?.next = nil
        // read calls body at least once, or throws.
        return whole!
    }
}
