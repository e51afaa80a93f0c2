/// A verb that closes a goal, an action item or a topic: `done` or `drop`.
///
/// The commands that set a status are generic over it, so `goal done` and `goal drop` (and the
/// same for items) share one implementation.
protocol StatusVerb {
    /// The subcommand's name.
    static var commandName: String { get }
    /// The status it sets on the wire.
    static var status: String { get }
    /// The command's abstract, for a thing described with its article ("a learning goal").
    static func abstract(for thing: String) -> String
    /// What was done, e.g. `Marked goal 3 done`.
    static func report(_ noun: String, id: Int64) -> String
}

/// `done`: the thing is achieved or carried out.
enum DoneVerb: StatusVerb {
    static let commandName = "done"
    static let status = "done"

    static func abstract(for thing: String) -> String {
        "Mark \(thing) done."
    }

    static func report(_ noun: String, id: Int64) -> String {
        "Marked \(noun) \(id) done"
    }
}

/// `drop`: the thing is no longer pursued, without being done.
enum DropVerb: StatusVerb {
    static let commandName = "drop"
    static let status = "dropped"

    static func abstract(for thing: String) -> String {
        "Drop \(thing): it is no longer pursued, and is kept as dropped."
    }

    static func report(_ noun: String, id: Int64) -> String {
        "Dropped \(noun) \(id)"
    }
}
