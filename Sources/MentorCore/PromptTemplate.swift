/// One question of the catalogue, with the steps, roles and phase it is asked in.
///
/// The text is one line and may name ``PromptPlaceholder``s in braces (`{goal}`); a brace pair
/// around any other name is kept as written. A template is asked only when every placeholder it
/// names has data, so it never shows a half-empty sentence.
public struct PromptTemplate: Sendable, Hashable {
    /// The question, with placeholders unfilled.
    public let text: String
    /// The steps that ask it. ``Step/captureAgain`` is never listed: it repeats ``Step/capture``.
    public let steps: Set<Step>
    /// The roles it is worded for.
    public let roles: Set<Role>
    /// The phase it belongs to, or nil for a question asked in every phase.
    public let phase: Phase?
    /// A name shared by templates that ask the same thing in more or less detail, or nil.
    ///
    /// Of the templates of one step and role that share a topic, only the first whose data is
    /// present is asked, so templates are declared most specific first: "Still open: {open_actions}"
    /// replaces "Which commitments are still open?" instead of repeating it.
    public let topic: String?
    /// How the catalogue ranks it when a card has more questions than fit.
    public let kind: Kind

    /// How a template is ranked against the five-line cap.
    public enum Kind: Sendable, Hashable {
        /// Ranked by what it shows: carried data first, then the phase's question, then the generic
        /// questions, which take turns from meeting to meeting.
        case ordinary
        /// One of the method's core habits (write your questions down; listen, encourage and thank;
        /// reflect afterwards): always on the card, whatever else is carried.
        case core
        /// Asked only when the relationship is due for a review (``PromptContext/reviewDue``), and
        /// then first.
        case review
    }

    /// Creates a template asked in `steps` by `roles`, in every phase unless `phase` is given.
    public init(
        _ text: String, for steps: Set<Step>, as roles: Set<Role>, in phase: Phase? = nil, topic: String? = nil,
        kind: Kind = .ordinary
    ) {
        self.text = text
        self.steps = steps
        self.roles = roles
        self.phase = phase
        self.topic = topic
        self.kind = kind
    }

    /// The placeholders the text names, each once, in the order they first appear.
    public var placeholders: [PromptPlaceholder] {
        var seen: [PromptPlaceholder] = []
        for case .placeholder(let placeholder) in segments where !seen.contains(placeholder) {
            seen.append(placeholder)
        }
        return seen
    }

    /// Whether the template shows data carried over from earlier meetings, which is what the
    /// catalogue puts first (see ``PromptPlaceholder/carriesForward``).
    public var carriesForward: Bool { placeholders.contains(where: \.carriesForward) }

    /// The question with every placeholder filled from `context`, or nil if any of them has no data.
    ///
    /// Filling is one pass over the template, so a value that happens to contain `{goal}` is shown as
    /// typed and never filled in turn.
    public func filled(with context: PromptContext) -> String? {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text): result += text
            case .placeholder(let placeholder):
                guard let value = placeholder.text(in: context) else { return nil }
                result += value
            }
        }
        return result
    }

    private enum Segment {
        case literal(Substring)
        case placeholder(PromptPlaceholder)
    }

    /// The text cut into literal runs and known placeholders.
    private var segments: [Segment] {
        var segments: [Segment] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if let placeholder = PromptPlaceholder(rawValue: String(name)) {
                segments.append(.literal(rest[..<open]))
                segments.append(.placeholder(placeholder))
            } else {
                segments.append(.literal(rest[...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        segments.append(.literal(rest))
        return segments
    }
}
