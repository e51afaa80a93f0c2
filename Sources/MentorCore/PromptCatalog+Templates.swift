extension PromptCatalog {
    /// Every template, grouped by step; within a step, the order is the order prompts are shown in.
    ///
    /// Writing rules, checked by `PromptCatalogTests`: one line under 90 characters before filling;
    /// our own words, never a run of six words from the method's source article; a template sharing
    /// a topic comes before its less specific twins; at most one phase question per step, role and
    /// phase; `{days_left}` only in parentheses, where "due today" and "3 days overdue" read as well
    /// as "12 days left".
    public static let templates: [PromptTemplate] = purpose + preparation + plan + participation + capture

    // Why are we meeting: the mentee brings the goal, the mentor what only they can offer.
    private static let purpose: [PromptTemplate] = [
        PromptTemplate(
            "What one goal or problem do you want this conversation to move?", for: [.purpose], as: [.mentee],
            topic: "focus"),
        PromptTemplate(
            "Afterwards, how will you know the time was well spent?", for: [.purpose], as: [.mentee],
            topic: "success"),
        PromptTemplate(
            "Your goal: {goal} ({days_left}). What should this meeting move forward?", for: [.purpose],
            as: [.mentee], topic: "goal"),
        PromptTemplate(
            "Your goal: {goal}. What should this meeting move forward?", for: [.purpose], as: [.mentee],
            topic: "goal"),
        PromptTemplate(
            "How does this meeting tie in with the longer-term goal you're working on?", for: [.purpose],
            as: [.mentee], topic: "goal"),
        PromptTemplate(
            "Last time you set this meeting's aim: {next_meeting_goal}. Is it still right?", for: [.purpose],
            as: [.mentee], topic: "agreed"),
        PromptTemplate(
            "Is the aim you agreed for this meeting last time still the right one?", for: [.purpose],
            as: [.mentee], topic: "agreed"),

        PromptTemplate(
            "Their goal: {goal} ({days_left}). Where do you think they stand?", for: [.purpose], as: [.mentor],
            topic: "work"),
        PromptTemplate(
            "Their goal: {goal}. Where do you think they stand today?", for: [.purpose], as: [.mentor],
            topic: "work"),
        PromptTemplate("What is {partner} working on right now?", for: [.purpose], as: [.mentor], topic: "work"),
        PromptTemplate("What is your mentee working on right now?", for: [.purpose], as: [.mentor], topic: "work"),
        PromptTemplate(
            "This meeting's agreed aim: {next_meeting_goal}. What can you bring to it?", for: [.purpose],
            as: [.mentor]),
        PromptTemplate(
            "What can you offer that others can't: a resource, an introduction, frank feedback?",
            for: [.purpose], as: [.mentor]),
        PromptTemplate(
            "Which questions will you ask to understand before you advise?", for: [.purpose], as: [.mentor]),
        PromptTemplate("If an introduction would help, can you start it today?", for: [.purpose], as: [.mentor]),

        PromptTemplate(
            "Early days: what do you expect of each other, and how often will you meet?", for: [.purpose],
            as: [.mentee], in: .initiation),
        PromptTemplate(
            "Early days: agree on how often you meet, what stays private, how to reach you.",
            for: [.purpose], as: [.mentor], in: .initiation),
        PromptTemplate(
            "Looking back to when you began, how far have your learning goals come?", for: [.purpose],
            as: [.mentee], in: .cultivation),
        PromptTemplate(
            "Where could you stretch them a little beyond what feels comfortable?", for: [.purpose],
            as: [.mentor], in: .cultivation),
        PromptTemplate(
            "No fixed agenda needed: what would you like to swap notes on, as peers?", for: [.purpose],
            as: [.mentee], in: .redefinition),
        PromptTemplate(
            "You meet more as peers now: what could you learn from them this time?", for: [.purpose],
            as: [.mentor], in: .redefinition),
    ]

    // What happened last time and what is still open: the step the carried data is most for.
    private static let preparation: [PromptTemplate] = [
        PromptTemplate(
            "Last time, in brief: {last_summary}. What has moved since?", for: [.preparation], as: [.mentee],
            topic: "last"),
        PromptTemplate(
            "Reread your notes from last time: what was said, and what was promised?", for: [.preparation],
            as: [.mentee], topic: "last"),
        PromptTemplate(
            "Still open: {open_actions}. Which can you close before you meet?", for: [.preparation],
            as: [.mentee], topic: "open"),
        PromptTemplate(
            "Which commitments are still open, yours and your mentor's?", for: [.preparation], as: [.mentee],
            topic: "open"),
        PromptTemplate(
            "Parked earlier: {parked_topics}. Want to bring one of them back?", for: [.preparation],
            as: [.mentee]),
        PromptTemplate("Pick at most three concrete things to ask for.", for: [.preparation], as: [.mentee]),
        PromptTemplate("Write down the questions you most want answered.", for: [.preparation], as: [.mentee]),
        PromptTemplate(
            "Anything to send ahead, so you can start further along?", for: [.preparation], as: [.mentee]),

        PromptTemplate(
            "Last time, in brief: {last_summary}. What will you follow up on?", for: [.preparation],
            as: [.mentor], topic: "last"),
        PromptTemplate(
            "Look over your notes from last time: what did each of you promise?", for: [.preparation],
            as: [.mentor], topic: "last"),
        PromptTemplate(
            "Still open: {open_actions}. Which will you ask about?", for: [.preparation], as: [.mentor],
            topic: "open"),
        PromptTemplate(
            "Which commitments are still open, yours and your mentee's?", for: [.preparation], as: [.mentor],
            topic: "open"),
        PromptTemplate(
            "Parked for later: {parked_topics}. Is one worth raising now?", for: [.preparation], as: [.mentor]),
        PromptTemplate("Choose at most three points you want to raise.", for: [.preparation], as: [.mentor]),
        PromptTemplate(
            "Prepare a few open questions that help them think it through.", for: [.preparation],
            as: [.mentor]),
        PromptTemplate(
            "Is there an article, a contact or a draft worth sending ahead?", for: [.preparation],
            as: [.mentor]),

        // Asked of both: after three carries an item is more often dead weight than work.
        PromptTemplate(
            "Carried three times or more: {stale_items}. Still relevant, or let it go?", for: [.preparation],
            as: [.mentor, .mentee]),
    ]

    // Next steps as if-then plans, written before the call while there is time to think.
    private static let plan: [PromptTemplate] = [
        PromptTemplate(
            "Toward {goal}: write each next step as \"by <date>, I will ...\".", for: [.plan], as: [.mentee],
            topic: "steps"),
        PromptTemplate(
            "Write each next step as \"by <date>, I will ...\".", for: [.plan], as: [.mentee], topic: "steps"),
        PromptTemplate("What exactly will you ask {partner} for?", for: [.plan], as: [.mentee], topic: "ask"),
        PromptTemplate("What exactly will you ask your mentor for?", for: [.plan], as: [.mentee], topic: "ask"),
        PromptTemplate(
            "Pick the next date, and what that meeting should achieve.", for: [.plan], as: [.mentee]),
        PromptTemplate(
            "Is your plan on pace for {goal} ({days_left})?", for: [.plan], as: [.mentee]),

        PromptTemplate(
            "Open items: {open_actions}. Which will you check on, and when?", for: [.plan], as: [.mentor],
            topic: "check"),
        PromptTemplate(
            "If {partner} hasn't done X by Y, how will you follow up?", for: [.plan], as: [.mentor],
            topic: "check"),
        PromptTemplate(
            "How will you check in: if they haven't done X by Y, then what?", for: [.plan], as: [.mentor],
            topic: "check"),
        PromptTemplate(
            "Their goal: {goal} ({days_left}). What support keeps it on track?", for: [.plan], as: [.mentor]),
        PromptTemplate("What will you commit to, and by when?", for: [.plan], as: [.mentor]),
        PromptTemplate("When is the next meeting, and what should it be for?", for: [.plan], as: [.mentor]),
        PromptTemplate("Is the relationship moving into a new phase?", for: [.plan], as: [.mentor]),

        PromptTemplate(
            "Sketch a simple agreement: goals, how often you meet, what stays between you.", for: [.plan],
            as: [.mentee], in: .initiation),
        PromptTemplate(
            "Propose a light agreement: how often, how long, and what stays private.", for: [.plan],
            as: [.mentor], in: .initiation),
        PromptTemplate(
            "What can you now do on your own that you couldn't when you began?", for: [.plan], as: [.mentee],
            in: .separation),
        PromptTemplate(
            "What is left to hand over, and who else could support them next?", for: [.plan], as: [.mentor],
            in: .separation),
    ]

    // The last cue before the call: attention, mindset, feedback both ways, thanks.
    private static let participation: [PromptTemplate] = [
        PromptTemplate(
            "Keep today on its aim: {next_meeting_goal}.", for: [.participation], as: [.mentee]),
        PromptTemplate(
            "Close mail, chat and spare tabs; give this hour your full attention.", for: [.participation],
            as: [.mentee]),
        PromptTemplate(
            "Pick the mindset you'll bring: curious, candid, ready to be stretched.", for: [.participation],
            as: [.mentee]),
        PromptTemplate(
            "Ask one question about your work and one about how the mentoring is going.",
            for: [.participation], as: [.mentee]),
        PromptTemplate(
            "Listen to the end before you reply; thank {partner} for something specific.",
            for: [.participation], as: [.mentee], topic: "listen"),
        PromptTemplate(
            "Listen to the end before you reply; thank them for something specific.", for: [.participation],
            as: [.mentee], topic: "listen"),

        PromptTemplate(
            "Today's aim: {next_meeting_goal}. Help them leave with a clear next step.", for: [.participation],
            as: [.mentor]),
        PromptTemplate(
            "Silence notifications and put other work out of sight.", for: [.participation], as: [.mentor]),
        PromptTemplate("Arrive curious: understand first, advise second.", for: [.participation], as: [.mentor]),
        PromptTemplate(
            "Ask how the work is going, and what would make these talks more useful.", for: [.participation],
            as: [.mentor]),
        PromptTemplate(
            "Let them finish, then reflect back what you heard before giving a view.", for: [.participation],
            as: [.mentor]),
        PromptTemplate(
            "Name one thing {partner} has done well, and say thank you for it.", for: [.participation],
            as: [.mentor], topic: "encourage"),
        PromptTemplate(
            "Name one thing they've done well, and say thank you for it.", for: [.participation], as: [.mentor],
            topic: "encourage"),

        PromptTemplate(
            "Ask for one piece of honest feedback, and offer one in return.", for: [.participation],
            as: [.mentee], in: .cultivation),
        PromptTemplate(
            "Invite feedback on your mentoring, not only on their work.", for: [.participation], as: [.mentor],
            in: .cultivation),
        PromptTemplate(
            "Keep it light: trade news and ideas as equals.", for: [.participation], as: [.mentor, .mentee],
            in: .redefinition),
    ]

    // After the call: what the next meeting starts from. Its next-meeting goal becomes the next Purpose.
    private static let capture: [PromptTemplate] = [
        PromptTemplate(
            "Update your open items: {open_actions}. Done, moved or dropped?", for: [.capture], as: [.mentee]),
        PromptTemplate("Did today move {goal} forward? Note where it stands.", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "Write down each commitment: who does what, and by when.", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "Which date comes next, and what is that meeting for?", for: [.capture], as: [.mentee]),
        PromptTemplate("What was left open for another time?", for: [.capture], as: [.mentee]),
        PromptTemplate("What's one thing you learned or want to keep in mind?", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "How useful was it, and how is the relationship (1 to 5)?", for: [.capture], as: [.mentee]),

        PromptTemplate("Tick off or carry forward: {open_actions}.", for: [.capture], as: [.mentor]),
        PromptTemplate(
            "Did today move their goal, {goal}, forward? Note where it stands.", for: [.capture], as: [.mentor]),
        PromptTemplate("Record what each of you agreed to do, with dates.", for: [.capture], as: [.mentor]),
        PromptTemplate("Set the next date, and the goal that meeting should serve.", for: [.capture], as: [.mentor]),
        PromptTemplate("Which topics did you park for later?", for: [.capture], as: [.mentor]),
        PromptTemplate(
            "What did you learn about how they think, or about your own mentoring?", for: [.capture],
            as: [.mentor]),
        PromptTemplate(
            "Rate how useful it was and how the relationship feels, 1 to 5.", for: [.capture], as: [.mentor]),

        PromptTemplate(
            "Who else could you turn to for what this relationship gave you?", for: [.capture], as: [.mentee],
            in: .separation),
        PromptTemplate(
            "Note what they now handle alone: that is what this mentoring was for.", for: [.capture],
            as: [.mentor], in: .separation),
        PromptTemplate(
            "Would a lighter rhythm suit you now, say a catch-up every few months?", for: [.capture],
            as: [.mentor, .mentee], in: .redefinition),
    ]
}
