import MentorCore
import Testing

struct PartnerMatchTests {
    let people = ["Sam", "Samira Khan", "Aiko Tanaka", "Priya", "Zoë Martin", "Jean-Luc Picard"]

    private func match(_ typed: String) -> [String] {
        PartnerMatch.best(typed, in: people) { $0 }
    }

    @Test func prefersTheFullNameThenAWordThenAPrefix() {
        #expect(match("sam") == ["Sam"], "an exact name beats a longer one that starts the same")
        #expect(match("aiko") == ["Aiko Tanaka"], "a first name")
        #expect(match("TANAKA") == ["Aiko Tanaka"], "a last name, any case")
        #expect(match("pri") == ["Priya"], "a unique prefix")
        #expect(match("zoe") == ["Zoë Martin"], "accents optional")
        #expect(match("luc") == ["Jean-Luc Picard"], "a part of a hyphenated name")
        #expect(match("  aiko   tanaka ") == ["Aiko Tanaka"])
    }

    @Test func listsEveryoneATierMatchesAndNobodyForNothing() {
        #expect(match("sa") == ["Sam", "Samira Khan"])
        #expect(match("k") == ["Samira Khan"], "a prefix of the last name")
        #expect(match("bob").isEmpty && match("  ").isEmpty)
    }

    @Test func stopsAtTheLoosestTierAskedFor() {
        #expect(PartnerMatch.best("aiko", in: people, loosest: .word) { $0 } == ["Aiko Tanaka"])
        #expect(PartnerMatch.best("pri", in: people, loosest: .word) { $0 }.isEmpty)
    }
}
