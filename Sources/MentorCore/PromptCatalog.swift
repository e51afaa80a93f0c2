/// The questions each step asks, in our own words after the 4P method, worded differently for the
/// mentor and the mentee and filled with what earlier meetings left behind.
///
/// The templates themselves are in `PromptCatalog+Templates.swift`.
public enum PromptCatalog {
    /// The most prompts a step shows: a card is read in passing, and a sixth question would not be.
    public static let limit = 5

    /// Up to ``limit`` prompts for `step` when the user is the `role` in the relationship, filled
    /// from `context`.
    ///
    /// What makes the cut, in this order:
    /// 1. the method's core habits (``PromptTemplate/Kind/core``), which are never cut: writing your
    ///    own questions down, listening and thanking, reflecting afterwards;
    /// 2. the review question, when a review is due (``PromptContext/reviewDue``);
    /// 3. prompts that show carried-over data (the last summary, open actions, the goal, offers,
    ///    the partner's promises), because they are what a calendar reminder cannot say;
    /// 4. at most one question for the context's ``PromptContext/phase``;
    /// 5. the generic prompts, which take turns when there are more than fit:
    ///    ``PromptContext/rotation`` picks where the turn starts, so consecutive meetings do not read
    ///    the same lines.
    ///
    /// The card lists them as 2, 3, 4, 1, 5: the data before the habits, the habits before the
    /// rest. Within each group templates keep their declared order. A template whose data is
    /// missing is left out, and of the templates sharing a ``PromptTemplate/topic`` only the first
    /// that can be filled is asked. ``Step/captureAgain`` asks the same as ``Step/capture``: it is
    /// only a second nudge.
    public static func prompts(for step: Step, as role: Role, context: PromptContext = PromptContext()) -> [String] {
        let step = step == .captureAgain ? .capture : step
        var topics = Set<String>()
        var core: [String] = []
        var ranked: [String] = []
        var phaseExtras: [String] = []
        var generic: [String] = []
        for template in templates where template.steps.contains(step) && template.roles.contains(role) {
            if let phase = template.phase, phase != context.phase { continue }
            if template.kind == .review && !context.reviewDue { continue }
            guard let prompt = template.filled(with: context) else { continue }
            // Checked after filling, so a topic falls through to its less specific templates.
            if let topic = template.topic, !topics.insert(topic).inserted { continue }
            switch template.kind {
            case .core: core.append(prompt)
            // Review templates come first in the catalogue, so they lead the ranked list.
            case .review: ranked.append(prompt)
            case .ordinary where template.phase != nil: phaseExtras.append(prompt)
            case .ordinary where template.carriesForward: ranked.append(prompt)
            case .ordinary: generic.append(prompt)
            }
        }
        let room = max(0, limit - core.count)
        let kept = Array((ranked + phaseExtras.prefix(1)).prefix(room))
        return kept + core + turn(of: generic, count: room - kept.count, from: context.rotation)
    }

    /// `count` of `items`, taken in a circle from `offset` (wrapped into range) and listed in their
    /// own order: when everything fits, nothing moves.
    private static func turn(of items: [String], count: Int, from offset: Int) -> [String] {
        guard count < items.count else { return items }
        let start = ((offset % items.count) + items.count) % items.count
        let picked = (0..<count).map { (start + $0) % items.count }.sorted()
        return picked.map { items[$0] }
    }
}
