import MentorExport

/// Left-aligned columns separated by two spaces, trailing spaces trimmed.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        // Escaped before measuring, so that a cell holding control characters keeps its columns.
        let rows = rows.map { $0.map(TerminalText.escaped) }
        let columns = rows.map(\.count).max() ?? 0
        // Measured in terminal columns, so that emoji and CJK text keep the columns after them.
        let cellWidths = rows.map { $0.map(DisplayWidth.of) }
        let widths = (0..<columns).map { column in
            cellWidths.map { column < $0.count ? $0[column] : 0 }.max() ?? 0
        }
        return zip(rows, cellWidths).map { row, cellWidths in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 {
                    line += String(repeating: " ", count: widths[column] - cellWidths[column] + 2)
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
