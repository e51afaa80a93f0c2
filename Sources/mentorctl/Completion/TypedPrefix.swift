/// What the user typed of the word being completed, matched the way mentorctl reads the word:
/// steps, zones and partner names are all taken in any case.
struct TypedPrefix: Sendable {
    let text: String

    /// `name` completed from what was typed, when `name` starts with it in any case; nil otherwise.
    ///
    /// The result keeps the typed part as typed (`europe/Berlin` for `europe/`): bash's `compgen`
    /// and zsh's default matching drop every candidate that does not start with the typed text
    /// exactly, and mentorctl and the daemon take these words in any case anyway.
    func completing(_ name: String) -> String? {
        var typedRest = Substring(text)
        var nameRest = Substring(name)
        while let typed = typedRest.first {
            guard let next = nameRest.first, next.lowercased() == typed.lowercased() else { return nil }
            typedRest.removeFirst()
            nameRest.removeFirst()
        }
        return text + nameRest
    }
}
