import Foundation
import MentorCore
import Testing

struct PromptCatalogTests {
    /// Everything the loop can know after a few meetings.
    static let full = PromptContext(
        partner: "Sam", goal: "Give the conference talk", daysLeft: 12,
        openActions: ["Send the draft (me, due 12 Dec, carried 1×)", "Book the room (Sam, due 14 Dec)"],
        staleItems: ["Read the SRE book (carried 3×)"], parkedTopics: ["Conference budget"],
        lastSummary: "We outlined the talk and picked a venue.", nextMeetingGoal: "Rehearse the opening")

    /// ``full`` with only what `placeholders` need, in `phase`.
    static func context(with placeholders: [PromptPlaceholder], in phase: Phase? = nil) -> PromptContext {
        var context = PromptContext(phase: phase)
        for placeholder in placeholders {
            switch placeholder {
            case .partner: context.partner = full.partner
            case .goal: context.goal = full.goal
            case .daysLeft: context.daysLeft = full.daysLeft
            case .openActions: context.openActions = full.openActions
            case .staleItems: context.staleItems = full.staleItems
            case .parkedTopics: context.parkedTopics = full.parkedTopics
            case .lastSummary: context.lastSummary = full.lastSummary
            case .nextMeetingGoal: context.nextMeetingGoal = full.nextMeetingGoal
            }
        }
        return context
    }

    /// Empty and full, each without a phase and in every phase.
    static let contexts: [PromptContext] = ([Phase?.none] + Phase.allCases.map(Phase?.some)).flatMap {
        [PromptContext(phase: $0), context(with: PromptPlaceholder.allCases, in: $0)]
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
            partner: " ", goal: "", openActions: ["", "  "], staleItems: ["\n"], parkedTopics: ["\t"],
            lastSummary: " \n ", nextMeetingGoal: "")
        for step in Step.allCases {
            for role in Role.allCases {
                #expect(
                    PromptCatalog.prompts(for: step, as: role, context: blank)
                        == PromptCatalog.prompts(for: step, as: role), "\(step) \(role)")
            }
        }
    }

    @Test func neverLeavesABraceInAPrompt() {
        for prompt in Self.everyPrompt {
            #expect(!prompt.contains("{") && !prompt.contains("}"), "\(prompt)")
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

    @Test func putsCarriedDataFirstThenOnePhaseQuestionThenTheGenericOnes() throws {
        let context = PromptContext(nextMeetingGoal: "Rehearse the opening", phase: .cultivation)
        let prompts = PromptCatalog.prompts(for: .participation, as: .mentee, context: context)
        let phaseQuestions = PromptCatalog.templates.filter { $0.phase == .cultivation }.map(\.text)
        let generic = PromptCatalog.prompts(for: .participation, as: .mentee)
        try #require(prompts.count == 5)
        #expect(prompts[0].contains("Rehearse the opening"))
        #expect(phaseQuestions.contains(prompts[1]))
        #expect(Array(prompts[2...]) == Array(generic.prefix(3)))
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
            let context = Self.context(with: template.placeholders, in: template.phase)
            let asked = template.steps.contains { step in
                template.roles.contains { PromptCatalog.prompts(for: step, as: $0, context: context).contains(prompt) }
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
