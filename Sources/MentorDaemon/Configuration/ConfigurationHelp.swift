import Foundation

/// A help text of ``ConfigurationSchema`` cut into what its renderings lay out differently.
///
/// Help texts are paragraphs separated by a blank line; a paragraph whose lines start with `- ` is
/// a list, one item per `- `. Backquotes mark literal text, which the commented file keeps and the
/// manual sets in bold.
enum ConfigurationHelp {
    /// One paragraph of a help text.
    enum Block: Equatable {
        case paragraph(String)
        case list([String])
    }

    /// The blocks of `help`, each paragraph or item joined into one line.
    static func blocks(_ help: String) -> [Block] {
        help.components(separatedBy: "\n\n").compactMap { paragraph in
            let lines = paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !lines.isEmpty else { return nil }
            guard lines.allSatisfy({ $0.hasPrefix("- ") }) else {
                return .paragraph(lines.joined(separator: " "))
            }
            return .list(lines.map { String($0.dropFirst(2)) })
        }
    }

    /// `expectation` as a sentence of its own: `Value: a whole number from 1 to 65536.`
    static func valueSentence(_ expectation: String) -> String {
        "Value: \(expectation)."
    }
}
