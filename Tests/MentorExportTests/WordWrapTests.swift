import MentorExport
import Testing

/// Folding `mentorctl watch` cards to the terminal's width.
struct WordWrapTests {
    /// The widest line of `text`, in terminal columns.
    private func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    @Test func foldsAtSpacesAndKeepsWhatFits() {
        let text = "Purpose: Career chat with Sam (starts in 5m)\n  Purpose:"
        #expect(
            WordWrap.wrap(text, width: 20) == """
                Purpose: Career chat
                with Sam (starts in
                5m)
                  Purpose:
                """)
        #expect(WordWrap.wrap(text, width: 80) == text)
    }

    @Test func continuationsHangUnderTheListItemsText() {
        let question = "    - What one goal or problem do you want this conversation to move?"
        let folded = WordWrap.wrap(question, width: 30)
        #expect(
            folded == """
                    - What one goal or problem
                      do you want this
                      conversation to move?
                """)
        #expect(widest(folded) <= 30)
    }

    @Test func indentationWithoutAMarkerIsKept() {
        #expect(
            WordWrap.wrap("  Aim: finish the portfolio review", width: 16) == """
                  Aim: finish
                  the portfolio
                  review
                """)
    }

    @Test func measuresWideCharactersAndEmojiByTheirColumns() {
        // Each of 山田太郎 and ☕☕ takes two columns a character: 8 and 4, so "with 山田太郎" is 13.
        let folded = WordWrap.wrap("Tea with 山田太郎 ☕☕ today", width: 13)
        #expect(folded == "Tea with\n山田太郎 ☕☕\ntoday")
        #expect(widest(folded) <= 13)
        #expect(WordWrap.wrap("☕ 山田", width: 7) == "☕ 山田")
    }

    @Test func aWordWiderThanTheLineStandsAloneUncut() {
        let url = "https://example.org/a/very/long/path/that/is/one/word"
        #expect(
            WordWrap.wrap("  Notes: \(url) ok", width: 20) == """
                  Notes:
                  \(url)
                  ok
                """)
    }

    @Test func keepsSpacesInsideALineAndDropsThoseItBreaksAt() {
        #expect(WordWrap.wrap("Thu 22:01  Purpose: chat", width: 19) == "Thu 22:01  Purpose:\nchat")
    }

    @Test func noWidthMeansNoFolding() {
        let text = "a b c d e f"
        #expect(WordWrap.wrap(text, width: 0) == text)
        #expect(WordWrap.wrap(text, width: 1) == "a\nb\nc\nd\ne\nf")
    }
}
