import ArgumentParser

/// One word a shell may offer at TAB, with what it stands for (a meeting's title and time).
///
/// zsh and fish show the description beside the word (`3  -- Weekly with Sam, Thu 2036-12-11 15:00
/// +00:00`); bash has nowhere to show one, so it gets the bare word.
struct CompletionCandidate: Equatable, Sendable {
    var value: String
    var description: String?

    /// The line the requesting shell's completion script reads: `value:description` for zsh's
    /// `_describe` (colons in the value escaped), `value<TAB>description` for fish's `complete`,
    /// the value alone for bash (and for a shell that did not say which it is).
    func line(for shell: CompletionShell?) -> String {
        guard let description = description.map(Self.oneLine), !description.isEmpty else {
            return shell == .zsh ? Self.zshEscaped(value) : value
        }
        switch shell {
        case .zsh?: return Self.zshEscaped(value) + ":" + description
        case .fish?: return value + "\t" + description
        default: return value
        }
    }

    /// Whether the shells can take `value` as one word: each reads one candidate per line, and fish
    /// splits off a description at a tab.
    var isOneWord: Bool {
        !value.isEmpty && !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `_describe` splits a candidate at its first colon not preceded by a backslash.
    private static func zshEscaped(_ value: String) -> String {
        value.replacing(":", with: "\\:")
    }

    /// A description on one line, safe for a terminal: the shells print it as it is.
    private static func oneLine(_ text: String) -> String {
        TerminalText.escaped(text).replacing("\n", with: " ").replacing("\t", with: " ")
    }
}

extension [CompletionCandidate] {
    /// The lines for the shell that asked (`SAP_SHELL`, set by the generated scripts), one word each.
    var shellLines: [String] {
        let shell = CompletionShell.requesting
        var seen: Set<String> = []
        return filter { $0.isOneWord && seen.insert($0.value).inserted }.map { $0.line(for: shell) }
    }
}
