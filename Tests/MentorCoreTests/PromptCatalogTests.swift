import Foundation
import MentorCore
import Testing

struct PromptCatalogTests {
    /// Everything the loop can know after a few meetings.
    static let full = PromptContext(
        partner: "Sam", goal: "Give the conference talk", successCriteria: "The talk is accepted", daysLeft: 12,
        openActions: ["Send the draft (me, due 12 Dec, carried 1×)", "Book the room (Sam, due 14 Dec)"],
        staleItems: ["Read the SRE book (carried 3×)"], parkedTopics: ["Conference budget"],
        partnerDue: ["Book the room (due 14 Dec)"], offers: ["An introduction to Kim"],
        lastSummary: "We outlined the talk and picked a venue.", nextMeetingGoal: "Rehearse the opening",
        phase: .cultivation)

    /// ``full`` with only what `placeholders` need, in `phase` (or for `{phase}` in cultivation).
    static func context(
        with placeholders: [PromptPlaceholder], in phase: Phase? = nil, reviewDue: Bool = false, rotation: Int = 0
    ) -> PromptContext {
        var context = PromptContext(phase: phase, reviewDue: reviewDue, rotation: rotation)
        for placeholder in placeholders {
            switch placeholder {
            case .partner: context.partner = full.partner
            case .goal: context.goal = full.goal
            case .successCriteria: context.successCriteria = full.successCriteria
            case .daysLeft: context.daysLeft = full.daysLeft
            case .openActions: context.openActions = full.openActions
            case .staleItems: context.staleItems = full.staleItems
            case .parkedTopics: context.parkedTopics = full.parkedTopics
            case .partnerDue: context.partnerDue = full.partnerDue
            case .offers: context.offers = full.offers
            case .lastSummary: context.lastSummary = full.lastSummary
            case .nextMeetingGoal: context.nextMeetingGoal = full.nextMeetingGoal
            case .phase: context.phase = phase ?? full.phase
            }
        }
        return context
    }

    /// Empty and full, each without a phase and in every phase, with a review due and without, at
    /// a week's worth of rotations.
    static let contexts: [PromptContext] = ([Phase?.none] + Phase.allCases.map(Phase?.some)).flatMap { phase in
        [false, true].flatMap { reviewDue in
            (0..<7).flatMap { rotation in
                [
                    PromptContext(phase: phase, reviewDue: reviewDue, rotation: rotation),
                    context(with: PromptPlaceholder.allCases, in: phase, reviewDue: reviewDue, rotation: rotation),
                ]
            }
        }
    }

    /// Every prompt any step shows either role in any of ``contexts``.
    static var everyPrompt: [String] {
        contexts.flatMap { context in
            Step.allCases.flatMap { step in
                Role.allCases.flatMap { PromptCatalog.prompts(for: step, as: $0, context: context) }
            }
        }
    }

    @Test(arguments: Step.allCases)
    func asksAtMostFiveQuestionsForEachRole(step: Step) {
        for role in Role.allCases {
            let prompts = PromptCatalog.prompts(for: step, as: role)
            #expect((1...5).contains(prompts.count), "\(step) \(role)")
            for context in Self.contexts {
                #expect(PromptCatalog.prompts(for: step, as: role, context: context).count <= 5, "\(step) \(role)")
            }
        }
    }

    @Test(arguments: Step.allCases)
    func asksMentorsAndMenteesDifferentThingsAtEveryStep(step: Step) {
        let mentor = PromptCatalog.prompts(for: step, as: .mentor)
        let mentee = PromptCatalog.prompts(for: step, as: .mentee)
        #expect(Set(mentor).isDisjoint(with: mentee), "\(step)")
        #expect(
            PromptCatalog.prompts(for: step, as: .mentor, context: Self.full)
                != PromptCatalog.prompts(for: step, as: .mentee, context: Self.full), "\(step)")
    }

    @Test func asksTheSameAgainOnTheSecondCaptureNudge() {
        for context in Self.contexts {
            for role in Role.allCases {
                #expect(
                    PromptCatalog.prompts(for: .captureAgain, as: role, context: context)
                        == PromptCatalog.prompts(for: .capture, as: role, context: context))
            }
        }
        #expect(PromptCatalog.templates.allSatisfy { !$0.steps.contains(.captureAgain) })
    }

    @Test func fillsPlaceholdersFromTheContext() {
        let goal = PromptContext(goal: "Give the conference talk", daysLeft: 12)
        #expect(
            PromptCatalog.prompts(for: .purpose, as: .mentee, context: goal).first
                == "Your goal: Give the conference talk (12 days left). What should this meeting move forward?")
        let named = PromptCatalog.prompts(for: .plan, as: .mentee, context: PromptContext(partner: "Sam"))
        #expect(named.contains("What exactly will you ask Sam for?"))
        #expect(!named.contains("What exactly will you ask your mentor for?"))
    }

    @Test func leavesOutATemplateWhoseDataIsMissing() {
        for template in PromptCatalog.templates {
            let needed = template.placeholders
            #expect(template.filled(with: Self.context(with: needed)) != nil, "\(template.text)")
            for missing in needed {
                let context = Self.context(with: needed.filter { $0 != missing })
                #expect(template.filled(with: context) == nil, "\(template.text) without \(missing)")
            }
        }
    }

    @Test func treatsBlankDataAsMissing() {
        let blank = PromptContext(
            partner: " ", goal: "", successCriteria: "  ", openActions: ["", "  "], staleItems: ["\n"],
            parkedTopics: ["\t"], partnerDue: [" "], offers: [""], lastSummary: " \n ", nextMeetingGoal: "")
        for step in Step.allCases {
            for role in Role.allCases {
                #expect(
                    PromptCatalog.prompts(for: step, as: role, context: blank)
                        == PromptCatalog.prompts(for: step, as: role), "\(step) \(role)")
            }
        }
    }

    /// Every step, role and phase, empty and full, with and without a review, at every rotation:
    /// nothing on a card reads like a blank left unfilled.
    @Test func neverLeavesAPlaceholderInAPrompt() {
        let blanks = ["{", "}", "<", ">", "X by Y", " X ", " Y ", "...", "…"]
        for prompt in Self.everyPrompt {
            #expect(!blanks.contains { prompt.contains($0) }, "\(prompt)")
        }
        // A misspelt placeholder would be kept as written, so check the templates' own text too.
        for template in PromptCatalog.templates {
            let rest = template.placeholders.reduce(template.text) {
                $0.replacingOccurrences(of: $1.token, with: "")
            }
            #expect(!rest.contains("{") && !rest.contains("}"), "\(template.text)")
        }
    }

    @Test func listsThePlaceholdersATemplateUses() {
        let template = PromptTemplate(
            "Your goal: {goal} ({days_left}); again {goal}, {not_a_placeholder}.", for: [.purpose], as: [.mentee])
        #expect(template.placeholders == [.goal, .daysLeft])
        #expect(template.carriesForward)
        #expect(!PromptTemplate("Thank {partner}.", for: [.participation], as: [.mentee]).carriesForward)
        #expect(
            template.filled(with: PromptContext(goal: "Ship it", daysLeft: 0))
                == "Your goal: Ship it (due today); again Ship it, {not_a_placeholder}.")
    }

    @Test func showsTypedBracesAsTyped() {
        let template = PromptTemplate("{goal} / {open_actions}", for: [.plan], as: [.mentor])
        let context = PromptContext(goal: "Learn {open_actions}", openActions: ["Read"])
        #expect(template.filled(with: context) == "Learn {open_actions} / Read")
    }

    @Test(
        arguments: zip(
            [0, 1, 12, -1, -3], ["due today", "1 day left", "12 days left", "1 day overdue", "3 days overdue"]))
    func saysHowLongIsLeftUntilTheGoal(days: Int, phrase: String) {
        #expect(PromptPlaceholder.daysLeft.text(in: PromptContext(daysLeft: days)) == phrase)
    }

    @Test func putsListsAndTextOnOneLine() {
        let context = PromptContext(
            openActions: ["One.", "Two\nlines", " ", "Three", "Four", "Five"],
            lastSummary: "We met.\n  Then we   talked.")
        #expect(PromptPlaceholder.openActions.text(in: context) == "One; Two lines; Three; and 2 more")
        #expect(PromptPlaceholder.lastSummary.text(in: context) == "We met. Then we talked")
    }

    @Test func putsCarriedDataFirstThenOnePhaseQuestionThenTheCoreHabitsThenTheGenericOnes() throws {
        let context = PromptContext(nextMeetingGoal: "Rehearse the opening", phase: .cultivation)
        let prompts = PromptCatalog.prompts(for: .participation, as: .mentee, context: context)
        let phaseQuestions = PromptCatalog.templates.filter { $0.phase == .cultivation }.map(\.text)
        let generic = PromptCatalog.templates.filter {
            $0.kind == .ordinary && $0.phase == nil && $0.placeholders.isEmpty && $0.steps.contains(.participation)
                && $0.roles.contains(.mentee)
        }.map(\.text)
        try #require(prompts.count == 5)
        #expect(prompts[0].contains("Rehearse the opening"))
        #expect(phaseQuestions.contains(prompts[1]))
        #expect(prompts[2] == "Listen to the end before you reply; thank them for something specific.")
        #expect(prompts[3...].allSatisfy(generic.contains), "\(prompts)")
    }

    /// The method's core habits (write your questions down; listen and thank; reflect) survive
    /// however much carried data competes for the five lines.
    @Test func neverCutsTheCoreHabits() {
        let core: [Step: [Role: [String]]] = [
            .preparation: [
                .mentee: ["Write down the questions you most want answered."],
                .mentor: ["Prepare a few open questions that help them think it through."],
            ],
            .participation: [
                .mentee: ["Listen to the end before you reply; thank Sam for something specific."],
                .mentor: [
                    "Let them finish, then reflect back what you heard before giving a view.",
                    "Name one thing Sam has done well, and say thank you for it.",
                ],
            ],
            .capture: [
                .mentee: ["What's one thing you learned or want to keep in mind?"],
                .mentor: ["What did you learn about how they think, or about your own mentoring?"],
            ],
        ]
        for (step, roles) in core {
            for (role, questions) in roles {
                for rotation in 0..<7 {
                    var context = Self.full
                    context.rotation = rotation
                    context.reviewDue = true
                    let prompts = PromptCatalog.prompts(for: step, as: role, context: context)
                    #expect(prompts.count == 5)
                    for question in questions {
                        #expect(prompts.contains(question), "\(step) \(role) \(rotation): \(prompts)")
                    }
                }
            }
        }
    }

    /// A weekly mentee does not read the same lines every week (the rotation is the meeting's number
    /// in the relationship), and one occurrence always reads the same.
    @Test func takesTurnsWithTheGenericQuestionsFromOneMeetingToTheNext() {
        var turning = 0
        for step in [Step.purpose, .preparation, .plan, .participation, .capture] {
            for role in Role.allCases {
                for context in [PromptContext(partner: "Sam"), Self.context(with: [.partner, .lastSummary, .goal])] {
                    let cards = (0..<12).map { meeting in
                        var numbered = context
                        numbered.rotation = meeting
                        return PromptCatalog.prompts(for: step, as: role, context: numbered)
                    }
                    // More questions than fit: they take turns, each meeting one further along.
                    if Set(cards.joined()).count > cards[0].count {
                        turning += 1
                        for (this, next) in zip(cards, cards.dropFirst()) {
                            #expect(this != next, "\(step) \(role): the same card two meetings running: \(this)")
                        }
                    }
                    var again = context
                    again.rotation = 0
                    #expect(PromptCatalog.prompts(for: step, as: role, context: again) == cards[0])
                }
            }
        }
        #expect(turning >= 5, "most steps have more generic questions than fit once data is carried")
    }

    @Test func asksAMentorAboutOffersStillToDeliverBeforeTheMeeting() {
        let context = PromptContext(partner: "Sam", offers: ["An introduction to Kim"])
        for step in [Step.purpose, .preparation] {
            #expect(
                PromptCatalog.prompts(for: step, as: .mentor, context: context).first
                    == "You offered: An introduction to Kim. Delivered yet? If not, can it happen before you meet?")
            #expect(!PromptCatalog.prompts(for: step, as: .mentee, context: context).joined().contains("Kim"))
        }
        #expect(!PromptCatalog.prompts(for: .participation, as: .mentor, context: context).joined().contains("Kim"))
    }

    @Test func asksHowToCheckInOnThePartnersPromisesDueSoon() {
        let context = PromptContext(partner: "Priya", partnerDue: ["Draft the proposal (due 2036-06-12)"])
        #expect(
            PromptCatalog.prompts(for: .preparation, as: .mentor, context: context).contains(
                "Priya said they would: Draft the proposal (due 2036-06-12). How will you check in?"))
        #expect(
            PromptCatalog.prompts(for: .plan, as: .mentor, context: context).first
                == "Priya said they would: Draft the proposal (due 2036-06-12). If it slips, how will you follow up?")
        #expect(
            PromptCatalog.prompts(for: .preparation, as: .mentee, context: context).contains(
                "Priya said they would: Draft the proposal (due 2036-06-12). How will you ask after it?"))
    }

    @Test func asksTheReviewQuestionOnThePlanCardOnlyWhenAReviewIsDue() {
        for phase in Phase.allCases {
            for role in Role.allCases {
                let quiet = PromptCatalog.prompts(for: .plan, as: role, context: PromptContext(phase: phase))
                #expect(!quiet.joined().contains("Review time"), "\(phase) \(role)")
                let due = PromptCatalog.prompts(
                    for: .plan, as: role, context: PromptContext(phase: phase, reviewDue: true))
                #expect(
                    due.first
                        == "Review time: rate each goal from 1 to 5, and decide whether \(phase.rawValue) still fits.")
                for step in [Step.purpose, .preparation, .participation, .capture] {
                    #expect(
                        !PromptCatalog.prompts(
                            for: step, as: role, context: PromptContext(phase: phase, reviewDue: true)
                        )
                        .joined().contains("Review time"))
                }
            }
        }
    }

    @Test func asksAboutAnAgreedAimOnlyWhenThereIsOne() {
        let first = PromptCatalog.prompts(for: .purpose, as: .mentee, context: PromptContext(partner: "Sam"))
        #expect(!first.contains { $0.lowercased().contains("aim") }, "\(first)")
    }

    @Test func asksAtMostOnePhaseQuestion() {
        for phase in Phase.allCases {
            let phaseQuestions = Set(PromptCatalog.templates.filter { $0.phase == phase }.map(\.text))
            for step in Step.allCases {
                for role in Role.allCases {
                    let prompts = PromptCatalog.prompts(for: step, as: role, context: PromptContext(phase: phase))
                    #expect(prompts.filter(phaseQuestions.contains).count <= 1, "\(phase) \(step) \(role)")
                }
            }
        }
    }

    @Test(arguments: Phase.allCases)
    func eachPhaseAddsAQuestionForEachRole(phase: Phase) {
        for role in Role.allCases {
            let phaseQuestions = Set(
                PromptCatalog.templates.filter { $0.phase == phase && $0.roles.contains(role) }.map(\.text))
            let steps = Step.allCases.filter { step in
                PromptCatalog.prompts(for: step, as: role, context: PromptContext(phase: phase))
                    .contains(where: phaseQuestions.contains)
            }
            #expect(!steps.isEmpty, "\(phase) \(role)")
        }
    }

    @Test func asksWhetherStaleItemsAreStillRelevant() {
        let context = PromptContext(staleItems: ["Read the SRE book (carried 3×)"])
        for role in Role.allCases {
            let prompts = PromptCatalog.prompts(for: .preparation, as: role, context: context)
            #expect(
                prompts.contains {
                    $0.contains("Read the SRE book (carried 3×)") && $0.lowercased().contains("still relevant")
                }, "\(role)")
        }
    }

    @Test func preparationShowsTheLastSummaryAndOpenActions() {
        let context = PromptContext(
            openActions: ["Send the draft (me, due 12 Dec, carried 1×)", "Book the room (Sam, due 14 Dec)"],
            lastSummary: "We outlined the talk and picked a venue.")
        for role in Role.allCases {
            let prompts = PromptCatalog.prompts(for: .preparation, as: role, context: context)
            #expect(prompts.first?.contains("We outlined the talk and picked a venue") == true, "\(role)")
            #expect(
                prompts.dropFirst().first?.contains(
                    "Send the draft (me, due 12 Dec, carried 1×); Book the room (Sam, due 14 Dec)") == true,
                "\(role)")
        }
    }

    @Test func replacesAGenericQuestionWithItsDataVersion() {
        let question = "Which commitments are still open, yours and your mentor's?"
        #expect(PromptCatalog.prompts(for: .preparation, as: .mentee).contains(question))
        let prompts = PromptCatalog.prompts(
            for: .preparation, as: .mentee, context: PromptContext(openActions: ["Send the draft"]))
        #expect(!prompts.contains(question))
        #expect(prompts.filter { $0.contains("Send the draft") }.count == 1)
    }

    /// A template that can never be shown is dead text: shadowed by a twin declared before it, or a
    /// second phase question for the same step and role.
    @Test func asksEveryTemplateWhenItsDataIsThere() {
        for template in PromptCatalog.templates {
            guard let prompt = template.filled(with: Self.context(with: template.placeholders)) else {
                Issue.record("cannot fill \(template.text)")
                continue
            }
            let asked = (0..<8).contains { rotation in
                let context = Self.context(
                    with: template.placeholders, in: template.phase, reviewDue: template.kind == .review,
                    rotation: rotation)
                return template.steps.contains { step in
                    template.roles.contains {
                        PromptCatalog.prompts(for: step, as: $0, context: context).contains(prompt)
                    }
                }
            }
            #expect(asked, "\(template.text)")
        }
    }

    @Test func keepsEveryTemplateToOneShortLine() {
        for template in PromptCatalog.templates {
            #expect(template.text.count < 90, "\(template.text)")
            #expect(!template.text.contains { $0.isNewline }, "\(template.text)")
            #expect(!template.steps.isEmpty && !template.roles.isEmpty, "\(template.text)")
        }
    }

    /// Where the project keeps the method's source article: `shared/seed` beside the repository.
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed")

    /// The article is the source of intent, never of sentences: no six-word run of it appears in a
    /// template or in a prompt filled from the sample context.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "the article is not beside this checkout"))
    func neverRepeatsTheArticlesSentences() throws {
        let seed = Self.seed
        let files = try FileManager.default.contentsOfDirectory(atPath: seed.path)
        try #require(!files.isEmpty, "the article is expected in ../shared/seed")
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
        }
        var runs = Set<[String]>()
        for file in files {
            let article = words(try String(contentsOf: seed.appendingPathComponent(file), encoding: .utf8))
            for index in 0..<max(0, article.count - 5) { runs.insert(Array(article[index..<index + 6])) }
        }
        for text in PromptCatalog.templates.map(\.text) + Self.everyPrompt {
            let mine = words(text)
            for index in 0..<max(0, mine.count - 5) {
                #expect(!runs.contains(Array(mine[index..<index + 6])), "\(text)")
            }
        }
    }
}
