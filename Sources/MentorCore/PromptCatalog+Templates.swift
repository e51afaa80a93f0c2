extension PromptCatalog {
    /// Every template, grouped by step; within a step, the order is the order prompts are shown in.
    ///
    /// Writing rules, checked by `PromptCatalogTests`: one line under 90 characters before filling;
    /// our own words, never a run of six words from the method's source article; no stand-in text
    /// a reader could take for an unfilled blank ("X by Y", "<date>"); a template sharing a topic
    /// comes before its less specific twins; at most one phase question per step, role and phase;
    /// `{days_left}` only in parentheses, where "due today" and "3 days overdue" read as well as
    /// "12 days left".
    public static let templates: [PromptTemplate] =
        review + purpose + preparation + plan + participation + capture

    // Every few months: take stock of the goals and of where the relationship stands.
    private static let review: [PromptTemplate] = [
        PromptTemplate(
            "Review time: rate each goal from 1 to 5, and decide whether {phase} still fits.", for: [.plan],
            as: [.mentor, .mentee], kind: .review)
    ]

    // Why are we meeting: the mentee brings the goal, the mentor what only they can offer.
    private static let purpose: [PromptTemplate] = [
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
            as: [.mentee]),
        PromptTemplate(
            "Success, as you defined it: {success_criteria}. What would bring it closer?", for: [.purpose],
            as: [.mentee], topic: "success"),
        PromptTemplate(
            "Afterwards, how will you know the time was well spent?", for: [.purpose], as: [.mentee],
            topic: "success"),
        PromptTemplate(
            "What one goal or problem do you want this conversation to move?", for: [.purpose], as: [.mentee]),
        PromptTemplate(
            "What has changed since you last met that should shape this conversation?", for: [.purpose],
            as: [.mentee]),
        PromptTemplate(
            "If only one thing came out of this meeting, what should it be?", for: [.purpose], as: [.mentee]),
        PromptTemplate(
            "Which decision could {partner} help you weigh this time?", for: [.purpose], as: [.mentee],
            topic: "decision"),
        PromptTemplate(
            "Which decision could your mentor help you weigh this time?", for: [.purpose], as: [.mentee],
            topic: "decision"),
        PromptTemplate(
            "Which of your strengths or values does this goal draw on?", for: [.purpose], as: [.mentee]),

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
        // Until delivered: the promise a mentor forgets most easily.
        PromptTemplate(
            "You offered: {offers}. Delivered yet? If not, can it happen before you meet?",
            for: [.purpose, .preparation],
            as: [.mentor]),
        PromptTemplate(
            "What can you offer that others can't: a resource, an introduction, frank feedback?",
            for: [.purpose], as: [.mentor]),
        PromptTemplate(
            "Which questions will you ask to understand before you advise?", for: [.purpose], as: [.mentor]),
        PromptTemplate("If an introduction would help, can you start it today?", for: [.purpose], as: [.mentor]),
        PromptTemplate(
            "What feedback have you held back that would help them now?", for: [.purpose], as: [.mentor]),
        PromptTemplate(
            "What did you notice last time that is worth asking about?", for: [.purpose], as: [.mentor]),
        PromptTemplate("Which of their strengths could this meeting build on?", for: [.purpose], as: [.mentor]),

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
            "{partner} said they would: {partner_due}. How will you ask after it?", for: [.preparation],
            as: [.mentee], topic: "check-in"),
        PromptTemplate(
            "Your mentor said they would: {partner_due}. How will you ask after it?", for: [.preparation],
            as: [.mentee], topic: "check-in"),
        PromptTemplate(
            "Parked earlier: {parked_topics}. Want to bring one of them back?", for: [.preparation],
            as: [.mentee]),
        PromptTemplate(
            "Write down the questions you most want answered.", for: [.preparation], as: [.mentee], kind: .core),
        PromptTemplate("Pick at most three concrete things to ask for.", for: [.preparation], as: [.mentee]),
        PromptTemplate(
            "Anything to send ahead, so you can start further along?", for: [.preparation], as: [.mentee]),
        PromptTemplate(
            "What should {partner} know before you start?", for: [.preparation], as: [.mentee],
            topic: "brief"),
        PromptTemplate(
            "What should your mentor know before you start?", for: [.preparation], as: [.mentee],
            topic: "brief"),
        PromptTemplate(
            "What has worked since last time, and where did you get stuck?", for: [.preparation],
            as: [.mentee]),

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
            "{partner} said they would: {partner_due}. How will you check in?", for: [.preparation],
            as: [.mentor], topic: "check-in"),
        PromptTemplate(
            "Your mentee said they would: {partner_due}. How will you check in?", for: [.preparation],
            as: [.mentor], topic: "check-in"),
        PromptTemplate(
            "Parked for later: {parked_topics}. Is one worth raising now?", for: [.preparation], as: [.mentor]),
        PromptTemplate(
            "Prepare a few open questions that help them think it through.", for: [.preparation],
            as: [.mentor], kind: .core),
        PromptTemplate("Choose at most three points you want to raise.", for: [.preparation], as: [.mentor]),
        PromptTemplate(
            "Is there an article, a contact or a draft worth sending ahead?", for: [.preparation],
            as: [.mentor]),
        PromptTemplate(
            "What should they leave with that they don't have now?", for: [.preparation], as: [.mentor]),
        PromptTemplate(
            "Is there a story from your own path that fits what they face?", for: [.preparation],
            as: [.mentor]),

        // Asked of both: after three carries an item is more often dead weight than work.
        PromptTemplate(
            "Carried three times or more: {stale_items}. Still relevant, or let it go?", for: [.preparation],
            as: [.mentor, .mentee]),
    ]

    // Next steps as if-then plans, written before the call while there is time to think.
    private static let plan: [PromptTemplate] = [
        PromptTemplate(
            "Toward {goal}: write each next step with the day it will be done.", for: [.plan], as: [.mentee],
            topic: "steps"),
        PromptTemplate(
            "Write each next step with the day it will be done.", for: [.plan], as: [.mentee], topic: "steps"),
        PromptTemplate("What exactly will you ask {partner} for?", for: [.plan], as: [.mentee], topic: "ask"),
        PromptTemplate("What exactly will you ask your mentor for?", for: [.plan], as: [.mentee], topic: "ask"),
        PromptTemplate(
            "Pick the next date, and what that meeting should achieve.", for: [.plan], as: [.mentee]),
        PromptTemplate(
            "What could get in the way, and what will you do if it does?", for: [.plan], as: [.mentee]),
        PromptTemplate(
            "Who besides {partner} could help with the next step?", for: [.plan], as: [.mentee], topic: "others"),
        PromptTemplate(
            "Who besides your mentor could help with the next step?", for: [.plan], as: [.mentee],
            topic: "others"),
        PromptTemplate(
            "Is your plan on pace for {goal} ({days_left})?", for: [.plan], as: [.mentee]),

        PromptTemplate(
            "{partner} said they would: {partner_due}. If it slips, how will you follow up?", for: [.plan],
            as: [.mentor], topic: "check"),
        PromptTemplate(
            "Open items: {open_actions}. Which will you check on, and when?", for: [.plan], as: [.mentor],
            topic: "check"),
        PromptTemplate(
            "Agree how you will follow up if a promised step slips past its day.", for: [.plan], as: [.mentor],
            topic: "check"),
        PromptTemplate(
            "Their goal: {goal} ({days_left}). What support keeps it on track?", for: [.plan], as: [.mentor]),
        PromptTemplate("What will you commit to, and by when?", for: [.plan], as: [.mentor]),
        PromptTemplate("When is the next meeting, and what should it be for?", for: [.plan], as: [.mentor]),
        PromptTemplate(
            "What is the smallest next step that would still count as progress?", for: [.plan], as: [.mentor]),
        PromptTemplate(
            "Which resource or contact could you hand over this time?", for: [.plan], as: [.mentor]),

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
            "Listen to the end before you reply; thank {partner} for something specific.",
            for: [.participation], as: [.mentee], topic: "listen", kind: .core),
        PromptTemplate(
            "Listen to the end before you reply; thank them for something specific.", for: [.participation],
            as: [.mentee], topic: "listen", kind: .core),
        PromptTemplate(
            "Close mail, chat and spare tabs; give this conversation your full attention.",
            for: [.participation], as: [.mentee]),
        PromptTemplate(
            "Pick the mindset you'll bring: curious, candid, ready to be stretched.", for: [.participation],
            as: [.mentee]),
        PromptTemplate(
            "Ask one question about your work and one about how the mentoring is going.",
            for: [.participation], as: [.mentee]),
        PromptTemplate(
            "Say early what you need from the hour, so there is time for it.", for: [.participation],
            as: [.mentee]),
        PromptTemplate(
            "Note names, dates and promises as they come up.", for: [.participation], as: [.mentee]),

        PromptTemplate(
            "Today's aim: {next_meeting_goal}. Help them leave with a clear next step.", for: [.participation],
            as: [.mentor]),
        PromptTemplate(
            "Let them finish, then reflect back what you heard before giving a view.", for: [.participation],
            as: [.mentor], kind: .core),
        PromptTemplate(
            "Name one thing {partner} has done well, and say thank you for it.", for: [.participation],
            as: [.mentor], topic: "encourage", kind: .core),
        PromptTemplate(
            "Name one thing they've done well, and say thank you for it.", for: [.participation], as: [.mentor],
            topic: "encourage", kind: .core),
        PromptTemplate(
            "Silence notifications and put other work out of sight.", for: [.participation], as: [.mentor]),
        PromptTemplate("Arrive curious: understand first, advise second.", for: [.participation], as: [.mentor]),
        PromptTemplate(
            "Ask how the work is going, and what would make these talks more useful.", for: [.participation],
            as: [.mentor]),
        PromptTemplate(
            "Before you advise, ask what they have already tried.", for: [.participation], as: [.mentor]),
        PromptTemplate(
            "Leave room for silence; let them do most of the talking.", for: [.participation], as: [.mentor]),

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

    // After the call: what the next meeting starts from. Its next-meeting goal becomes the next
    // Purpose. The questions follow what `mentorctl capture` asks, in its order.
    private static let capture: [PromptTemplate] = [
        PromptTemplate(
            "Update your open items: {open_actions}. Done, moved or dropped?", for: [.capture], as: [.mentee]),
        PromptTemplate("Did today move {goal} forward? Note where it stands.", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "Write down each commitment: who does what, and by when.", for: [.capture], as: [.mentee]),
        PromptTemplate("What was left open for another time?", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "Which date comes next, and what is that meeting for?", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "What's one thing you learned or want to keep in mind?", for: [.capture], as: [.mentee], kind: .core),
        PromptTemplate(
            "How useful was it, and how is the relationship (1 to 5)?", for: [.capture], as: [.mentee]),
        PromptTemplate(
            "Which feedback did you give or get that is worth keeping?", for: [.capture], as: [.mentee]),

        PromptTemplate("Tick off or carry forward: {open_actions}.", for: [.capture], as: [.mentor]),
        PromptTemplate(
            "Did today move their goal, {goal}, forward? Note where it stands.", for: [.capture], as: [.mentor]),
        PromptTemplate("Record what each of you agreed to do, with dates.", for: [.capture], as: [.mentor]),
        PromptTemplate("Which topics did you park for later?", for: [.capture], as: [.mentor]),
        PromptTemplate("Set the next date, and the goal that meeting should serve.", for: [.capture], as: [.mentor]),
        PromptTemplate(
            "What did you learn about how they think, or about your own mentoring?", for: [.capture],
            as: [.mentor], kind: .core),
        PromptTemplate(
            "Rate how useful it was and how the relationship feels, 1 to 5.", for: [.capture], as: [.mentor]),
        PromptTemplate(
            "What feedback did you give, and what did you hear back?", for: [.capture], as: [.mentor]),

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
