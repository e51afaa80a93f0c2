import Foundation
import MentorDaemon
import MentorTestSupport
import Testing

/// ``TOMLReader`` on its own, and against an oracle we did not write: Python's `tomllib`.
struct TOMLReaderTests {
    typealias Position = TOMLDocument.Position

    private func entry(_ key: String, _ line: Int, _ column: Int, _ value: TOMLDocument.Value) -> TOMLDocument.Entry {
        TOMLDocument.Entry(key: key, position: Position(line: line, column: column), value: value)
    }

    @Test func readsTablesKeysAndEveryKindOfValueWithTheirPositions() throws {
        let text = """
            # mentord
            top = 'literal \\n kept'
            [limits]  # trailing comment
              max_connections = +1_024
            neg=-7
            [ hook ]
            command = [
                "/bin/sh", # the shell
                "-c",\t'echo "hi"',
            ]
            empty = []
            on = true
            off = false\r
            text = "tab\\t quote\\" backslash\\\\ e\\u00E9 smile\\U0001F600 \\b\\f\\r\\n"
            """
        let document = try TOMLReader.read(text)
        #expect(document.topLevel == [entry("top", 2, 1, .string("literal \\n kept"))])
        #expect(document.tables.map(\.name) == ["limits", "hook"])
        #expect(document.tables.map(\.position) == [Position(line: 3, column: 1), Position(line: 6, column: 1)])
        #expect(
            document.tables[0].entries == [
                entry("max_connections", 4, 3, .integer(1024)), entry("neg", 5, 1, .integer(-7)),
            ])
        #expect(
            document.tables[1].entries == [
                entry("command", 7, 1, .array([.string("/bin/sh"), .string("-c"), .string("echo \"hi\"")])),
                entry("empty", 11, 1, .array([])), entry("on", 12, 1, .boolean(true)),
                entry("off", 13, 1, .boolean(false)),
                entry("text", 14, 1, .string("tab\t quote\" backslash\\ e\u{E9} smile\u{1F600} \u{8}\u{C}\r\n")),
            ])
        #expect(try TOMLReader.read("") == TOMLDocument())
        #expect(try TOMLReader.read("\n\n# only comments\r\n\t \n") == TOMLDocument())
    }

    @Test(arguments: [
        ("a = 1\na = 2", "2:1", "'a' is defined twice", false),
        ("[t]\n[t]", "2:1", "'t' is defined twice", false),
        ("t = 1\n[t]", "2:1", "'t' is defined twice", false),
        ("a = \"open", "1:5", "a string not closed on its line", false),
        ("a = 'x\ny'", "1:5", "a string not closed on its line", false),
        ("a = \"\\q\"", "1:6", "'\\q' is not an escape TOML knows", false),
        ("a = \"\\uD800\"", "1:6", "\\uD800 is not a Unicode scalar value", false),
        ("a = \"\\u12\"", "1:6", "\\u needs 4 hexadecimal digits", false),
        ("a = \"bell\u{7}\"", "1:10", "control character U+0007 in a string", false),
        ("# nul \u{0}", "1:7", "control character U+0000 in a comment", false),
        ("a = 1\rb = 2", "1:6", "a carriage return (CR) not followed by a line feed (LF)", false),
        ("a = 007", "1:5", "'007' has a leading zero", false),
        ("a = 1__0", "1:5", "'1__0' is not a number", false),
        ("a = 12abc", "1:5", "'12abc' is not a number", false),
        ("a = truex", "1:5", "'truex' is not a value", false),
        ("a = [1 2]", "1:8", "expected ',' or ']' in the array, found '2'", false),
        ("a = [,]", "1:6", "expected a value, found ','", false),
        ("a =", "1:4", "expected a value, found the end of the file", false),
        ("a = 1 b", "1:7", "expected the end of the line, found 'b'", false),
        ("[t] x = 1", "1:5", "expected the end of the line, found 'x'", false),
        ("= 1", "1:1", "expected a key, found '='", false),
        ("[\n", "1:2", "expected a table name, found U+000A", false),
        ("a = 1.5", "1:5", "floating-point numbers are not supported in mentord's configuration", true),
        ("a = -inf", "1:5", "floating-point numbers are not supported in mentord's configuration", true),
        ("a = 1979-05-27", "1:5", "dates and times are not supported in mentord's configuration", true),
        ("a = 07:32:00", "1:5", "dates and times are not supported in mentord's configuration", true),
        (
            "a = 0x1F", "1:5", "hexadecimal, octal and binary integers are not supported in mentord's configuration",
            true
        ),
        (
            "a = 9223372036854775808", "1:5",
            "'9223372036854775808' does not fit in 64 bits in mentord's configuration", true
        ),
        ("a = \"\"\"x\"\"\"", "1:5", "multi-line strings (\"\"\") are not supported in mentord's configuration", true),
        ("a = '''x'''", "1:5", "multi-line strings (''') are not supported in mentord's configuration", true),
        ("a = {b = 1}", "1:5", "inline tables ({...}) are not supported in mentord's configuration", true),
        ("a = [[1]]", "1:6", "arrays inside arrays are not supported in mentord's configuration", true),
        ("[[t]]", "1:1", "arrays of tables ([[name]]) are not supported in mentord's configuration", true),
        ("a.b = 1", "1:2", "dotted keys are not supported in mentord's configuration", true),
        ("[a.]", "1:4", "expected a table name after '.', found ']'", false),
        ("\"a\" = 1", "1:1", "quoted keys are not supported in mentord's configuration", true),
    ])
    func refusesWithThePositionAndWhatIsWrong(text: String, position: String, message: String, unsupported: Bool) {
        #expect {
            try TOMLReader.read(text)
        } throws: { error in
            guard let error = error as? TOMLSyntaxError else { return false }
            return error.position.description == position && error.message == message
                && error.isUnsupported == unsupported
        }
    }

    // MARK: - Python's tomllib as the oracle

    /// A value as the oracle script writes it, tagged so that 1, true and "1" stay apart.
    indirect enum Tagged: Decodable, Equatable {
        case string(String)
        case integer(String)
        case boolean(Bool)
        case array([Tagged])
        case table([String: Tagged])
        case other(String)

        private enum Key: String, CodingKey { case s, i, b, a, t, x }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            if let text = try container.decodeIfPresent(String.self, forKey: .s) {
                self = .string(text)
            } else if let number = try container.decodeIfPresent(String.self, forKey: .i) {
                self = .integer(number)
            } else if let flag = try container.decodeIfPresent(Bool.self, forKey: .b) {
                self = .boolean(flag)
            } else if let items = try container.decodeIfPresent([Tagged].self, forKey: .a) {
                self = .array(items)
            } else if let members = try container.decodeIfPresent([String: Tagged].self, forKey: .t) {
                self = .table(members)
            } else {
                self = .other(try container.decode(String.self, forKey: .x))
            }
        }

        init(_ value: TOMLDocument.Value) {
            switch value {
            case .string(let text): self = .string(text)
            case .integer(let number): self = .integer(String(number))
            case .boolean(let flag): self = .boolean(flag)
            case .array(let items): self = .array(items.map(Tagged.init))
            }
        }

        init(_ document: TOMLDocument) {
            var members: [String: Tagged] = [:]
            for entry in document.topLevel { members[entry.key] = Tagged(entry.value) }
            for table in document.tables {
                // A dotted header names a table inside its parents, as TOML nests them.
                let entries = Tagged.table(
                    Dictionary(uniqueKeysWithValues: table.entries.map { ($0.key, Tagged($0.value)) }))
                Self.insert(entries, at: table.name.split(separator: ".").map(String.init), into: &members)
            }
            self = .table(members)
        }

        private static func insert(_ value: Tagged, at path: [String], into members: inout [String: Tagged]) {
            guard path.count > 1 else {
                if case .table(let inner)? = members[path[0]], case .table(let own) = value {
                    members[path[0]] = .table(inner.merging(own) { $1 })
                } else {
                    members[path[0]] = value
                }
                return
            }
            var inner: [String: Tagged] = [:]
            if case .table(let existing)? = members[path[0]] { inner = existing }
            insert(value, at: Array(path.dropFirst()), into: &inner)
            members[path[0]] = .table(inner)
        }
    }

    /// What tomllib made of one document.
    struct Verdict: Decodable {
        var ok: Tagged?
        var error: String?
    }

    static let oracle = """
        import json, sys, tomllib
        def tag(v):
            if isinstance(v, bool): return {"b": v}
            if isinstance(v, int): return {"i": str(v)}
            if isinstance(v, str): return {"s": v}
            if isinstance(v, list): return {"a": [tag(x) for x in v]}
            if isinstance(v, dict): return {"t": {k: tag(x) for k, x in v.items()}}
            return {"x": repr(v)}
        out = []
        for case in json.load(sys.stdin):
            try:
                out.append({"ok": tag(tomllib.loads(case))})
            except tomllib.TOMLDecodeError as e:
                out.append({"error": str(e)})
        json.dump(out, sys.stdout)
        """

    static let hasTomllib: Bool =
        (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import tomllib"]).status) == 0

    /// tomllib's verdict on each of `cases`.
    private func askTomllib(_ cases: [String]) throws -> [Verdict] {
        let input = String(decoding: try JSONEncoder().encode(cases), as: UTF8.self)
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-X", "utf8", "-c", Self.oracle], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Verdict].self, from: Data(result.stdout.utf8))
    }

    /// Each case must read to tomllib's values, or be refused by both; a case refused as
    /// unsupported may be valid TOML (a float, a date), so tomllib's verdict on it is free.
    /// Returns how many cases were read, refused as malformed, and refused as unsupported.
    @discardableResult
    private func agreeWithTomllib(_ cases: [String]) throws -> (read: Int, malformed: Int, unsupported: Int) {
        let verdicts = try askTomllib(cases)
        try #require(verdicts.count == cases.count)
        var counts = (read: 0, malformed: 0, unsupported: 0)
        for (text, verdict) in zip(cases, verdicts) {
            do {
                let document = try TOMLReader.read(text)
                counts.read += 1
                #expect(
                    verdict.ok == Tagged(document), "read differently from tomllib: \(text.debugDescription) \(verdict)"
                )
            } catch {
                if error.isUnsupported {
                    counts.unsupported += 1
                } else {
                    counts.malformed += 1
                    #expect(verdict.ok == nil, "refused, but tomllib reads it: \(text.debugDescription): \(error)")
                }
            }
        }
        return counts
    }

    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/mentord.toml")

    @Test(.enabled(if: hasTomllib, "needs python3 with tomllib (3.11 or later)"))
    func readsTheShippedConfigurationAsTomllibDoes() throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        let counts = try agreeWithTomllib([text, text.replacingOccurrences(of: "\n", with: "\r\n")])
        #expect(counts.read == 2)
    }

    /// Thousands of small documents built from pieces that are valid, nearly valid, or valid only
    /// in parts of TOML the reader leaves out, plus the shipped file with one character deleted,
    /// doubled or replaced at random.
    @Test(.enabled(if: hasTomllib, "needs python3 with tomllib (3.11 or later)"))
    func agreesWithTomllibOnGeneratedDocuments() throws {
        var random = SplitMix64(seed: 2026)
        var cases: [String] = []
        for _ in 0..<4000 { cases.append(Self.document(&random)) }
        let shipped = Array(try String(contentsOf: Self.shipped, encoding: .utf8).unicodeScalars)
        let replacements: [Unicode.Scalar] = [
            "\"", "'", "[", "]", "=", "#", "\n", "\r", "\\", ",", " ", "\t", "x", "1", ".",
        ]
        for _ in 0..<1000 {
            var text = shipped
            let at = Int(random.next() % UInt64(text.count))
            switch random.next() % 3 {
            case 0: text.remove(at: at)
            case 1: text.insert(text[at], at: at)
            default: text[at] = replacements[Int(random.next() % UInt64(replacements.count))]
            }
            var string = ""
            string.unicodeScalars.append(contentsOf: text)
            cases.append(string)
        }
        let counts = try agreeWithTomllib(cases)
        // The generator must reach every outcome often, or it tests little.
        #expect(counts.read > 1000 && counts.malformed > 1000 && counts.unsupported > 100, "\(counts)")
    }

    // MARK: - The generator

    private static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    static let keys = ["a", "max_connections", "A-b_9", "1234", "-", "b", "c", "", "a.b", "\"q\"", "a b", "\u{E4}"]
    static let scalars = [
        "0", "-0", "+1", "42", "007", "1_000", "1__0", "_1", "1_", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "0x1F", "1.5", "1e3", "inf", "-nan", "12abc", "+", "-",
        "true", "false", "True", "tru", "truex", "{}", "{a = 1}", "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z",
    ]
    static let stringPieces = [
        "x", "hello world", "\\n", "\\t", "\\\\", "\\\"", "\\u00e9", "\\U0001F600", "\\uD800", "\\u12", "\\x41", "\\e",
        "\\q", "\t", "\u{1}", "\u{7F}", "'", "\"", "#", "\u{E9}", "\u{1F600}", "\u{85}", "\\", " ",
    ]

    private static func string(_ random: inout SplitMix64) -> String {
        var body = ""
        for _ in 0..<Int(random.next() % 4) { body += pick(stringPieces, &random) }
        switch random.next() % 10 {
        case 0...4: return "\"\(body)\""
        case 5...7: return "'\(body)'"
        case 8: return "\"\"\"\(body)\"\"\""
        default: return "\"\(body)"
        }
    }

    private static func value(_ random: inout SplitMix64, depth: Int = 0) -> String {
        switch random.next() % 10 {
        case 0...3: return string(&random)
        case 4...6: return pick(scalars, &random)
        case 7...8 where depth < 2:
            let separators = [", ", ",", ",\n  ", " , # c\n", " ", ",,", "\n"]
            var items: [String] = []
            for _ in 0..<Int(random.next() % 4) { items.append(value(&random, depth: depth + 1)) }
            var text = "["
            for (index, item) in items.enumerated() {
                text += item
                if index < items.count - 1 { text += pick(separators, &random) }
            }
            return text + pick(["]", ",]", ", ]", "\n]", " # c\n]", ""], &random)
        default: return pick(["", " ", "=", "[", "]", "\"\"", "''"], &random)
        }
    }

    private static func line(_ random: inout SplitMix64) -> String {
        switch random.next() % 12 {
        case 0: return "[\(pick(keys, &random))]"
        case 1: return pick(["[ limits ]", "[[t]]", "[t] x", "[]", "[a", "\t[hook]  # h"], &random)
        case 2: return pick(["", "# comment", "  # \u{E9} \t", "# bad \u{7}", "\t"], &random)
        default:
            let key = pick(keys, &random)
            let equals = pick([" = ", "=", "  =\t", " : ", " "], &random)
            let trailing = pick(["", " # c", "#c", " x", "  "], &random)
            return key + equals + value(&random) + trailing
        }
    }

    static func document(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(1 + Int(random.next() % 5)) {
            text += line(&random) + pick(["\n", "\n", "\r\n", "\r", "\n\n"], &random)
        }
        return random.next() % 4 == 0 ? String(text.dropLast()) : text
    }
}
