#if canImport(Glibc)
import Glibc
#endif

/// Line-by-line questions in a terminal, and `$EDITOR` for long answers.
enum Terminal {
    /// Whether standard input is a terminal (interactive use).
    static var isInteractive: Bool { isatty(0) == 1 }

    /// A line typed on its own that opens `$EDITOR` instead.
    static let editorCommand = ":e"

    /// Asks `question`; nil at end of input (Ctrl-D), "" when the user just pressed Enter.
    static func ask(_ question: String) -> String? {
        print(question, terminator: " ")
        guard let line = readLine() else {
            print()
            return nil
        }
        return line == editorCommand ? edit(question) : line.trimmed
    }

    /// The text of a NUL-terminated C buffer.
    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Opens `$VISUAL`/`$EDITOR` (else `vi`) on a temporary file headed by `question` as a comment;
    /// returns the text written below it.
    static func edit(_ question: String) -> String {
        var template = Array("/tmp/mentorctl-answer-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return "" }
        let path = Terminal.string(template)
        defer { unlink(path) }
        let header = "# \(question)\n# Lines starting with # are ignored. Save and quit when done.\n"
        _ = header.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
        let editor =
            getenv("VISUAL").map { String(cString: $0) } ?? getenv("EDITOR").map { String(cString: $0) } ?? "vi"
        // The editor line may carry options ("code --wait"); split on spaces, never through a shell.
        let argv = editor.split(separator: " ").map(String.init) + [path]
        var pid = pid_t()
        let spawned = withCStrings(argv) { arguments in posix_spawnp(&pid, argv[0], nil, nil, arguments, environ) }
        guard spawned == 0 else {
            printError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
            return ""
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var lines: [String] = []
        var buffer = [CChar](repeating: 0, count: 65_536)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = Terminal.string(buffer)
            if !line.hasPrefix("#") { lines.append(line) }
        }
        return lines.joined().trimmed
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks.
    var trimmed: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
