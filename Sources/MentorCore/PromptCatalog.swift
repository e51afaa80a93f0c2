/// The questions each step asks, in our own words after the 4P method, different for the mentor
/// and the mentee. At most five per step; the mentoring loop fills them with stored context.
public enum PromptCatalog {
    /// The prompts for `step` when the user is the `role` in the relationship.
    public static func prompts(for step: Step, as role: Role) -> [String] {
        switch (step, role) {
        case (.purpose, .mentee):
            [
                "What is the one goal or problem you want this conversation to move?",
                "How will you know afterwards that it was worth the time?",
                "How does it connect to the longer-term goal you are working towards?",
                "Is the goal you agreed on last time still the right one?",
            ]
        case (.purpose, .mentor):
            [
                "What is your mentee working on right now?",
                "What can you offer that others cannot: a resource, an introduction, candid feedback?",
                "Which questions will you ask to understand before you advise?",
                "If an introduction would help, can you start it today?",
            ]
        case (.preparation, _):
            [
                "Skim your notes from last time: what was said, what was promised?",
                "Which commitments are still open, yours and theirs?",
                "Pick at most three concrete asks for this meeting.",
                "Write down the specific questions you want answered.",
                "Is there anything to send ahead so the time together goes further?",
            ]
        case (.plan, .mentee):
            [
                "Draft your next steps as \"by <date> I will ...\".",
                "What exactly will you ask your mentor for?",
                "When should you meet next, and what should that meeting achieve?",
            ]
        case (.plan, .mentor):
            [
                "How will you check in on progress (if they have not done X by Y, then ...)?",
                "What will you commit to, and by when?",
                "When should you meet next?",
                "Is the relationship moving into a new phase?",
            ]
        case (.participation, _):
            [
                "Close what distracts you: mail, chat, other tabs.",
                "Decide the mindset you bring: curious, candid, generous.",
                "Ask one question about the work and one about how the mentoring is going.",
                "Listen fully before you answer; thank them for something specific.",
            ]
        case (.capture, _), (.captureAgain, _):
            [
                "Write down each commitment: who does what, by when.",
                "When do you meet next, and what is that meeting for?",
                "What was left open for another time?",
                "One thing you learned or want to remember.",
                "How useful was it, and how is the relationship (1 to 5)?",
            ]
        }
    }
}
