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
    /// The order is what the loop is for:
    /// 1. prompts that show carried-over data (the last summary, open actions, the goal), because
    ///    they are what a calendar reminder cannot say;
    /// 2. at most one question for the context's ``PromptContext/phase``;
    /// 3. the generic prompts, the ones that name only the partner included.
    ///
    /// Within each group templates keep their declared order. A template whose data is missing is
    /// left out, and of the templates sharing a ``PromptTemplate/topic`` only the first that can be
    /// filled is asked. With the default, empty context this is the generic set for the step.
    /// ``Step/captureAgain`` asks the same as ``Step/capture``: it is only a second nudge.
    public static func prompts(for step: Step, as role: Role, context: PromptContext = PromptContext()) -> [String] {
        let step = step == .captureAgain ? .capture : step
        var topics = Set<String>()
        var carried: [String] = []
        var phaseExtras: [String] = []
        var generic: [String] = []
        for template in templates where template.steps.contains(step) && template.roles.contains(role) {
            if let phase = template.phase, phase != context.phase { continue }
            guard let prompt = template.filled(with: context) else { continue }
            // Checked after filling, so a topic falls through to its less specific templates.
            if let topic = template.topic, !topics.insert(topic).inserted { continue }
            if template.phase != nil {
                phaseExtras.append(prompt)
            } else if template.carriesForward {
                carried.append(prompt)
            } else {
                generic.append(prompt)
            }
        }
        return Array((carried + phaseExtras.prefix(1) + generic).prefix(limit))
    }
}
