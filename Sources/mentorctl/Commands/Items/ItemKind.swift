import ArgumentParser

/// A kind of item carried from meeting to meeting: action items and parked topics.
///
/// The `action` and `topic` commands are one generic implementation over this.
protocol ItemKind {
    /// The options `add` takes beyond the text.
    associatedtype AddOptions: ItemAddOptions
    /// The kind on the wire and the command's name: `action` or `topic`.
    static var kind: String { get }
    /// How people call one: `action item`.
    static var noun: String { get }
    /// The same with its article: `an action item`.
    static var thing: String { get }
    /// The group command's abstract.
    static var abstract: String { get }
    /// The group command's discussion, with examples.
    static var discussion: String { get }
}

/// The kind-specific options of `add`; absent ones are not sent.
protocol ItemAddOptions: ParsableArguments {
    var owner: String? { get }
    var dueOn: String? { get }
}

/// Action items: commitments with an owner and maybe a due date.
enum ActionKind: ItemKind {
    typealias AddOptions = ActionAddOptions
    static let kind = "action"
    static let noun = "action item"
    static let thing = "an action item"
    static let abstract = "Manage action items: commitments carried from meeting to meeting until done."
    static let discussion = """
        Open action items appear in each Preparation reminder, with how many meetings they have been \
        carried into. Capturing a meeting adds its commitments here too.

        Examples:
          mentorctl action add Sam "Draft the proposal" --owner partner --due 2026-05-01
          mentorctl action list
          mentorctl action done 4
        """
}

/// Parked topics: things left open for another meeting.
enum TopicKind: ItemKind {
    typealias AddOptions = TopicAddOptions
    static let kind = "topic"
    static let noun = "topic"
    static let thing = "a topic"
    static let abstract = "Manage parked topics: things left open for a later meeting."
    static let discussion = """
        Open topics appear in each Preparation reminder; one carried into three meetings or more is \
        marked "still relevant?". Capturing a meeting adds what was left open here too.

        Examples:
          mentorctl topic add Sam "Moving to the platform team?"
          mentorctl topic list Sam
          mentorctl topic drop 2
        """
}

/// Who does an action item.
enum ItemOwner: String, CaseIterable, ExpressibleByArgument {
    case me
    case partner
    case both
}

/// `action add`'s options.
struct ActionAddOptions: ItemAddOptions {
    @Option(name: .customLong("owner"), help: "Who does it: me (default), partner or both.")
    var ownerChoice: ItemOwner?

    @Option(name: .customLong("due"), help: ArgumentHelp("When it is due.", valueName: "YYYY-MM-DD"))
    var dueOn: String?

    var owner: String? { ownerChoice?.rawValue }
}

/// `topic add` takes no options beyond the text.
struct TopicAddOptions: ItemAddOptions {
    var owner: String? { nil }
    var dueOn: String? { nil }
}
