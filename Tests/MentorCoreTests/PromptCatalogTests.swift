import Foundation
import MentorCore
import Testing

struct PromptCatalogTests {
    @Test(arguments: Step.allCases)
    func asksAtMostFiveQuestionsForEachRole(step: Step) {
        for role in Role.allCases {
            let prompts = PromptCatalog.prompts(for: step, as: role)
            #expect((1...5).contains(prompts.count), "\(step) \(role)")
        }
    }

    @Test func asksMentorsAndMenteesDifferentThingsBeforeTheMeeting() {
        for step in [Step.purpose, .plan] {
            #expect(PromptCatalog.prompts(for: step, as: .mentor) != PromptCatalog.prompts(for: step, as: .mentee))
        }
    }

    /// Where the project keeps the method's source article: `shared/seed` beside the repository.
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed")

    /// The article is the source of intent, never of sentences: no six-word run of it appears.
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
        for step in Step.allCases {
            for role in Role.allCases {
                for prompt in PromptCatalog.prompts(for: step, as: role) {
                    let mine = words(prompt)
                    for index in 0..<max(0, mine.count - 5) {
                        #expect(!runs.contains(Array(mine[index..<index + 6])), "\(prompt)")
                    }
                }
            }
        }
    }
}
