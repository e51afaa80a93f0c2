/// The commented `config/mentord.toml`, written from ``ConfigurationSchema``: every key set to its
/// default, each after the help that says what it does and what it takes.
///
/// `make install` copies it to the user's config directory and the Debian package ships it as an
/// example; a test fails when the committed file differs from what this writes.
public enum ConfigurationFileText {
    /// Comment lines are wrapped to this width, `# ` included.
    static let width = 100

    /// The whole file.
    public static func render() -> String {
        var lines = ["# mentord configuration: see mentord.toml(5).", "#"]
        lines += comment(ConfigurationSchema.introduction)
        for table in ConfigurationSchema.tables {
            lines.append("")
            lines += comment(table.help)
            lines.append("[\(table.name)]")
            for key in table.keys {
                lines += comment(key.help + "\n\n" + ConfigurationHelp.valueSentence(key.expectation))
                lines.append("\(key.name) = \(key.defaultValue)")
                if let example = key.example { lines.append("# \(example)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `help` as comment lines, paragraphs separated by a bare `#`.
    private static func comment(_ help: String) -> [String] {
        var lines: [String] = []
        for block in ConfigurationHelp.blocks(help) {
            if !lines.isEmpty { lines.append("#") }
            switch block {
            case .paragraph(let text):
                lines += wrap(text, first: "# ", rest: "# ")
            case .list(let items):
                for item in items { lines += wrap(item, first: "# - ", rest: "#   ") }
            }
        }
        return lines
    }

    /// `text` broken at spaces into lines of at most ``width`` characters; a word longer than a
    /// line stands alone.
    private static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty ? first : rest
            if line.count > prefix.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest + word
            } else {
                line += (line.count > prefix.count ? " " : "") + word
            }
        }
        return lines + [line]
    }
}
