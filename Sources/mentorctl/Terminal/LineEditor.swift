#if canImport(Glibc)
import Glibc
#endif

/// One line typed at a terminal, with the editing people expect from a shell: arrow keys, Home and
/// End, Backspace and Delete anywhere in the line, Ctrl-A/E/B/F/U/K/W, and text that wraps past the
/// terminal's width. Ctrl-C and Ctrl-D come back as outcomes, so the caller decides what they mean.
///
/// Why our own: Debian's readline is GPL and libedit has no headers without an extra package, and
/// wrapping mentorctl in `rlwrap` would need that package too. A prompt asks for one line at a
/// time, which is all this needs to do. Without a terminal on both ends it reads plain lines, so
/// scripts and pipes work as before.
struct LineEditor {
    /// How reading a line ended.
    enum Outcome: Equatable {
        /// Enter: the line as edited, without its line break.
        case line(String)
        /// Ctrl-D on an empty line, or the end of the input.
        case endOfInput
        /// Ctrl-C.
        case interrupted
    }

    private let prompt: String
    private var buffer: [Character]
    private var cursor: Int
    /// The row of the cursor after the last render, counted from the prompt's row.
    private var cursorRow = 0

    private init(prompt: String, initial: String) {
        self.prompt = prompt
        buffer = Array(initial)
        cursor = buffer.count
    }

    /// Reads one line after `prompt`, which should fit on one line (print longer questions
    /// first). `initial` is typed in already, ready to edit or to take with Enter.
    static func read(prompt: String, initial: String = "") -> Outcome {
        guard Terminal.isInteractive, let raw = RawMode() else { return plain(prompt: prompt, initial: initial) }
        defer { raw.restore() }
        var editor = LineEditor(prompt: prompt, initial: initial)
        editor.render()
        while true {
            switch Key.read() {
            case .enter:
                editor.moveToEnd()
                Terminal.write("\r\n")
                return .line(String(editor.buffer))
            case .interrupt:
                editor.moveToEnd()
                Terminal.write("^C\r\n")
                return .interrupted
            case .endOfInput where editor.buffer.isEmpty, nil:
                Terminal.write("\r\n")
                return .endOfInput
            case .endOfInput, .delete:
                if editor.cursor < editor.buffer.count { editor.buffer.remove(at: editor.cursor) }
            case .character(let character): editor.insert(character)
            case .backspace:
                if editor.cursor > 0 {
                    editor.cursor -= 1
                    editor.buffer.remove(at: editor.cursor)
                }
            case .left: editor.cursor = max(0, editor.cursor - 1)
            case .right: editor.cursor = min(editor.buffer.count, editor.cursor + 1)
            case .home: editor.cursor = 0
            case .end: editor.cursor = editor.buffer.count
            case .killToStart:
                editor.buffer.removeFirst(editor.cursor)
                editor.cursor = 0
            case .killToEnd: editor.buffer.removeLast(editor.buffer.count - editor.cursor)
            case .killWord: editor.deleteWordBefore()
            case .ignored: continue
            }
            editor.render()
        }
    }

    /// Waits for one of `keys` (Enter gives `defaultKey`) and returns it; nil for Ctrl-C. Without a
    /// terminal, reads a line and takes its first character.
    static func choose(prompt: String, keys: [Character], defaultKey: Character) -> Character? {
        guard Terminal.isInteractive, let raw = RawMode() else {
            guard case .line(let line) = plain(prompt: prompt, initial: "") else { return defaultKey }
            return line.lowercased().first.flatMap { keys.contains($0) ? $0 : nil } ?? defaultKey
        }
        defer { raw.restore() }
        Terminal.write(prompt)
        while true {
            switch Key.read() {
            case .enter:
                Terminal.write("\(defaultKey)\r\n")
                return defaultKey
            case .interrupt:
                Terminal.write("^C\r\n")
                return nil
            case .character(let typed) where keys.contains(Character(typed.lowercased())):
                let key = Character(typed.lowercased())
                Terminal.write("\(key)\r\n")
                return key
            case .endOfInput, nil:
                Terminal.write("\r\n")
                return defaultKey
            default:
                continue
            }
        }
    }

    /// A line read without editing, for pipes and scripts: Enter on an empty line keeps `initial`.
    private static func plain(prompt: String, initial: String) -> Outcome {
        Terminal.write(prompt + (initial.isEmpty ? "" : "[\(initial)] "))
        guard let line = readLine() else {
            Terminal.write("\n")
            return .endOfInput
        }
        return .line(line.isEmpty ? initial : line)
    }

    // MARK: - Editing

    /// Inserts at the cursor; a combining mark joins the character before it, as it would on screen.
    private mutating func insert(_ character: Character) {
        if cursor > 0, (String(buffer[cursor - 1]) + String(character)).count == 1 {
            buffer[cursor - 1] = Character(String(buffer[cursor - 1]) + String(character))
            return
        }
        buffer.insert(character, at: cursor)
        cursor += 1
    }

    /// Ctrl-W: the spaces before the cursor, then the word before them.
    private mutating func deleteWordBefore() {
        var start = cursor
        while start > 0, buffer[start - 1].isWhitespace { start -= 1 }
        while start > 0, !buffer[start - 1].isWhitespace { start -= 1 }
        buffer.removeSubrange(start..<cursor)
        cursor = start
    }

    private mutating func moveToEnd() {
        cursor = buffer.count
        render()
    }

    // MARK: - Drawing

    /// Draws the prompt and the line from the prompt's first row, then puts the cursor in place.
    /// Rows are counted, so a line longer than the terminal is wide redraws cleanly.
    private mutating func render() {
        let columns = Terminal.columns
        var output = cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : ""
        output += "\r" + prompt + String(buffer) + "\u{1B}[J"
        let promptWidth = Self.width(prompt)
        let endColumn = promptWidth + buffer.reduce(0) { $0 + Self.width($1) }
        let endRow = endColumn / columns
        // At an exact multiple of the width the terminal has not wrapped yet: make it.
        if endColumn > 0, endColumn % columns == 0 { output += "\n\r" }
        let cursorColumn = promptWidth + buffer[..<cursor].reduce(0) { $0 + Self.width($1) }
        let targetRow = cursorColumn / columns
        if endRow > targetRow { output += "\u{1B}[\(endRow - targetRow)A" }
        output += "\r"
        if cursorColumn % columns > 0 { output += "\u{1B}[\(cursorColumn % columns)C" }
        cursorRow = targetRow
        Terminal.write(output)
    }

    /// Columns a character takes: 0 for a control character, 2 for wide (East Asian, most emoji),
    /// else 1.
    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// Columns a text takes.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }
}

/// The terminal in raw mode for as long as a line is edited: keys arrive one by one, unechoed, and
/// Ctrl-C is a key rather than a signal. ``restore()`` puts it back as it was.
private struct RawMode {
    private let saved: termios

    init?() {
        var current = termios()
        guard tcgetattr(0, &current) == 0 else { return nil }
        saved = current
        var raw = current
        raw.c_iflag &= ~tcflag_t(ICRNL | IXON | BRKINT | INPCK | ISTRIP)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(0, TCSADRAIN, &raw) == 0 else { return nil }
    }

    func restore() {
        var saved = saved
        _ = tcsetattr(0, TCSADRAIN, &saved)
    }
}

/// A key as the terminal sends it in raw mode.
private enum Key: Equatable {
    case character(Character)
    case enter, backspace, delete, left, right, home, end
    case interrupt, endOfInput, killToStart, killToEnd, killWord
    /// A key or sequence with no meaning here (the arrows up and down, F-keys, a lone Escape).
    case ignored

    /// The next key; nil when the input ended.
    static func read() -> Key? {
        guard let byte = readByte() else { return nil }
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x01: return .home
        case 0x05: return .end
        case 0x02: return .left
        case 0x06: return .right
        case 0x15: return .killToStart
        case 0x0B: return .killToEnd
        case 0x17: return .killWord
        case 0x1B: return escapeSequence()
        case ..<0x20: return .ignored
        default: return character(startingWith: byte)
        }
    }

    /// `ESC [ ... final` or `ESC O final`; a lone Escape (nothing follows within 50 ms) is ignored.
    private static func escapeSequence() -> Key {
        guard let introducer = readByte(waitingMilliseconds: 50), introducer == 0x5B || introducer == 0x4F else {
            return .ignored
        }
        var parameters = ""
        while let byte = readByte(waitingMilliseconds: 50) {
            if (0x40...0x7E).contains(byte) {
                switch (parameters, UnicodeScalar(byte)) {
                case (_, "D"): return .left
                case (_, "C"): return .right
                case (_, "H"): return .home
                case (_, "F"): return .end
                case ("1", "~"), ("7", "~"): return .home
                case ("4", "~"), ("8", "~"): return .end
                case ("3", "~"): return .delete
                default: return .ignored
                }
            }
            parameters.append(Character(UnicodeScalar(byte)))
        }
        return .ignored
    }

    /// The UTF-8 character whose first byte is `lead`.
    private static func character(startingWith lead: UInt8) -> Key {
        let count =
            switch lead {
            case 0xF0...0xF7: 3
            case 0xE0...0xEF: 2
            case 0xC0...0xDF: 1
            default: 0
            }
        var bytes = [lead]
        for _ in 0..<count {
            guard let next = readByte(), next & 0xC0 == 0x80 else { return .ignored }
            bytes.append(next)
        }
        guard let text = String(validating: bytes, as: UTF8.self), let character = text.first else { return .ignored }
        return .character(character)
    }

    /// One byte of standard input; with a wait, nil if none comes in time.
    private static func readByte(waitingMilliseconds wait: Int32? = nil) -> UInt8? {
        if let wait {
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, wait) > 0 else { return nil }
        }
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(0, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
