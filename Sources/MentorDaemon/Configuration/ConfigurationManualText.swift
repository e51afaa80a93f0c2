import Foundation

/// The `mentord.toml(5)` manual in mdoc, written from ``ConfigurationSchema``, the same source as
/// the commented file: one section per table, one entry per key with its value and default.
///
/// A test fails when the committed `man/mentord.toml.5` differs from what this writes, and checks
/// it with `mandoc -T lint`.
public enum ConfigurationManualText {
    /// The manual's date: when the schema last changed in a way the manual shows. A fixed date, so
    /// that the generated page is the same on every run.
    static let date = "December 3, 2026"

    /// The whole page.
    public static func render() -> String {
        var lines = [
            ".Dd \(date)", ".Dt MENTORD.TOML 5", ".Os", ".Sh NAME", ".Nm mentord.toml",
            ".Nd configuration file of the mentord daemon", ".Sh DESCRIPTION",
        ]
        lines += text(ConfigurationSchema.introduction)
        for table in ConfigurationSchema.tables {
            lines += [".Ss [\(table.name)]"]
            lines += text(table.help)
            lines += [".Bl -tag -width Ds"]
            for key in table.keys {
                lines += [".It Cm \(key.name)"]
                lines += text(key.help + "\n\n" + ConfigurationHelp.valueSentence(key.expectation) + " Default:")
                lines += [".Bd -literal -offset indent", literal("\(key.name) = \(key.defaultValue)")]
                if let example = key.example { lines += [literal("# \(example)")] }
                lines += [".Ed"]
            }
            lines += [".El"]
        }
        lines += [
            ".Sh FILES", ".Bl -tag -width Ds",
            ".It Pa ~/.config/mentord/config.toml", "The file mentord reads, under $XDG_CONFIG_HOME when it is set.",
            ".It Pa /usr/share/doc/mentord/examples/config.toml",
            "The commented file with every default, installed by the Debian package; copy it to edit it.",
            ".El",
            ".Sh EXAMPLES",
            "Reminders a day and an hour ahead, nothing on weekends, and a hook that forwards each card:",
            ".Bd -literal -offset indent",
            "[reminders]", "preparation = \"1d\"", "plan = \"1h\"", "working_days = \"Mon-Fri\"", "",
            "[hook]", literal("command = [\"/home/ana/bin/mentord-hook\"]"), ".Ed",
            "Then reread it:",
            ".Dl systemctl --user reload mentord",
            ".Sh SEE ALSO", ".Xr mentorctl 1 ,", ".Xr mentord 1 ,", ".Xr systemctl 1",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `help` as mdoc: paragraphs separated by `.Pp`, lists as bullets (which bring their own space),
    /// `literal` text in bold.
    private static func text(_ help: String) -> [String] {
        var lines: [String] = []
        for block in ConfigurationHelp.blocks(help) {
            switch block {
            case .paragraph(let paragraph):
                if !lines.isEmpty { lines.append(".Pp") }
                lines.append(inline(paragraph))
            case .list(let items):
                lines.append(".Bl -bullet")
                for item in items { lines += [".It", inline(item)] }
                lines.append(".El")
            }
        }
        return lines
    }

    /// Text lines: backslashes escaped, backquoted spans in bold, one sentence per line (mandoc
    /// warns about a sentence that starts mid-line), none starting like a request.
    private static func inline(_ text: String) -> String {
        var result = ""
        var inLiteral = false
        for character in text {
            switch character {
            case "`":
                result += inLiteral ? "\\fR" : "\\fB"
                inLiteral.toggle()
            case "\\": result += "\\e"
            default: result.append(character)
            }
        }
        var lines: [String] = []
        var line: [Substring] = []
        for word in result.split(separator: " ") {
            line.append(word)
            if endsSentence(word) {
                lines.append(line.joined(separator: " "))
                line = []
            }
        }
        if !line.isEmpty { lines.append(line.joined(separator: " ")) }
        return lines.map { ($0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" : "") + $0 }.joined(separator: "\n")
    }

    /// Whether `word` ends a sentence: a full stop, question or exclamation mark, perhaps followed
    /// by closing brackets, quotes or the end of a bold span.
    private static func endsSentence(_ word: Substring) -> Bool {
        var word = word
        while true {
            if word.hasSuffix("\\fR") {
                word = word.dropLast(3)
            } else if let last = word.last, ")\"'".contains(last) {
                word = word.dropLast()
            } else {
                break
            }
        }
        return word.last.map { ".?!".contains($0) } ?? false
    }

    /// A line of a literal display.
    private static func literal(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e")
        return (escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" : "") + escaped
    }
}
