import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Questions in a terminal, one line at a time through ``LineEditor``, and `$EDITOR` for long
/// answers.
enum Terminal {
    /// Whether a person is at the keyboard: standard input and output are both a terminal.
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// A line typed on its own that opens `$EDITOR` instead.
    static let editorCommand = ":e"

    /// The terminal's width in columns, 80 when it does not say.
    static var columns: Int { reportedColumns ?? 80 }

    /// The width to fold standard output at: the terminal's columns, asked anew each time (the
    /// window may have been resized since), else `$COLUMNS`; nil when standard output is not a
    /// terminal, since output piped to a program or a file is never folded.
    static var wrapWidth: Int? {
        guard isatty(1) == 1 else { return nil }
        return reportedColumns
    }

    /// The columns the terminal on standard output reports, else `$COLUMNS` (set by shells, and
    /// by users of terminals that do not answer), else nil.
    private static var reportedColumns: Int? {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return SocketPath.environmentVariable("COLUMNS").flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Writes `text` to standard output at once, after anything `print` still holds.
    static func write(_ text: String) {
        // All streams: naming stdout is a global Swift 6 will not share.
        fflush(nil)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Asks `question`: every line but the last is printed as is, the last is the prompt the answer
    /// is typed after. `:e` on its own opens `$EDITOR` (with `initial`, and the question as
    /// comments) and shows back what was saved. A line comes back trimmed.
    static func ask(_ question: String, initial: String = "") -> LineEditor.Outcome {
        var lines = question.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prompt = lines.removeLast()
        if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") }
        let outcome = LineEditor.read(prompt: prompt + " ", initial: initial)
        guard case .line(let line) = outcome else { return outcome }
        guard line.trimmed == editorCommand else { return .line(line.trimmed) }
        guard let text = edit(question, initial: initial == editorCommand ? "" : initial) else {
            return .line(initial)
        }
        write(text.isEmpty ? "  (nothing written)\n" : "  Saved from the editor:\n" + indented(text) + "\n")
        return .line(text)
    }

    /// `text` with every line indented by four spaces.
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    /// The text of a NUL-terminated C buffer.
    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Opens `$VISUAL`/`$EDITOR` (else `vi`) on a private temporary file and returns what was written
    /// in it, exactly, but for the comment lines; nil when the editor could not run or failed.
    ///
    /// The answer comes first, so the cursor starts where the user types, and `question` follows as
    /// comment lines, every line of it: an editor that continues comments on a new line (vim on a
    /// `#` line) then never turns the answer into a comment. The `.txt` name keeps editors from
    /// guessing a configuration file.
    static func edit(_ question: String, initial: String = "") -> String? {
        var template = Array("/tmp/mentorctl-answer-XXXXXX.txt".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else {
            printError("cannot create a file for the editor: \(String(cString: strerror(errno)))")
            return nil
        }
        let path = Terminal.string(template)
        defer { unlink(path) }
        let comments = question.split(separator: "\n").map { "# " + String($0).trimmed }
        let body =
            initial + "\n\n"
            + (comments + ["# Write above; lines starting with # are left out. Save and quit."])
            .joined(separator: "\n") + "\n"
        _ = body.utf8CString.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
        let editor =
            getenv("VISUAL").map { String(cString: $0) } ?? getenv("EDITOR").map { String(cString: $0) } ?? "vi"
        // The editor line may carry options ("code --wait"); split on spaces, never through a shell.
        let argv = editor.split(separator: " ").map(String.init) + [path]
        var pid = pid_t()
        let spawned = withCStrings(argv) { arguments in posix_spawnp(&pid, argv[0], nil, nil, arguments, environ) }
        guard spawned == 0 else {
            printError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
            return nil
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            printError("\(argv[0]) did not exit cleanly; the text was not taken")
            return nil
        }
        guard let file = fopen(path, "r") else { return nil }
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
