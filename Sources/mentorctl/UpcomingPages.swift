import MentorProtocol

extension VarlinkConnection {
    /// Every occurrence in the window, read page by page (`ListUpcoming` sends at most a page at a
    /// time and says where the next begins), handed to `page` as each arrives.
    func upcoming(from: String?, days: Int, page: ([Wire.Occurrence]) throws -> Void) throws {
        var after: String?
        repeat {
            let reply = try call(ListUpcoming.self, .init(from: from, days: days, after: after))
            try page(reply.occurrences)
            after = reply.next
        } while after != nil
    }
}
