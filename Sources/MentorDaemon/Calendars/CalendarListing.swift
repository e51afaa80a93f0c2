/// What one fetch of a followed calendar found: the version of every item it holds now, and the bytes
/// of those that are new or changed since the versions the follower gave it.
///
/// An item is one file of a vdir folder, one resource of a CalDAV collection, or the whole of a file or
/// feed (href ""). A fetch that cannot list the calendar throws instead: a failed fetch changes nothing.
struct CalendarListing: Sendable {
    /// Every item the calendar holds now, by href: an ETag, or a file's identity, size and time.
    var versions: [String: String] = [:]
    /// The bytes of each new or changed item.
    var bodies: [String: [UInt8]] = [:]
    /// Items that are listed but could not be read this time, and why: what was read of them before stands.
    var unreadable: [String: String] = [:]
    /// What the fetch keeps for the next one (validators, a sync token), as text.
    var state = ""
    /// Bytes sent and received over the network for this fetch.
    var bytes = 0
}

/// Reads one kind of calendar.
protocol CalendarFetcher: Sendable {
    /// Fetches the calendar. `known` holds the versions of the items the follower has read, `state`
    /// what the last successful fetch kept; bodies are needed only for items whose version differs.
    func fetch(known: [String: String], state: String) async throws -> CalendarListing
}

/// Why a fetch failed, in words that never hold a password.
struct CalendarFetchError: Error, Sendable, CustomStringConvertible {
    var description: String
}
