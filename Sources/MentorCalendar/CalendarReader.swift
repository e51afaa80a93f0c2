/// Reads iCalendar text into its components (RFC 5545 §3.4 and §3.6), without interpreting them.
public enum CalendarReader {
    /// The top-level components of `bytes`, normally one `VCALENDAR`.
    /// - Throws: ``CalendarError`` for a content line that is not iCalendar, components that do not nest,
    ///   a property outside any component, no `VCALENDAR`, or a limit passed.
    public static func components(_ bytes: [UInt8], limits: CalendarLimits = CalendarLimits()) throws(CalendarError)
        -> [CalendarComponent]
    {
        var roots: [CalendarComponent] = []
        var open: [CalendarComponent] = []
        var count = 0
        try ContentLineReader.read(bytes, limits: limits) { (line: ContentLine) throws(CalendarError) in
            switch line.name {
            case "BEGIN":
                count += 1
                guard count <= limits.components else {
                    throw .tooLarge(limit: "components", maximum: limits.components, line: line.line)
                }
                guard open.count < limits.depth else {
                    throw .tooLarge(limit: "nested components", maximum: limits.depth, line: line.line)
                }
                open.append(CalendarComponent(name: line.value.uppercased(), line: line.line))
            case "END":
                let name = line.value.uppercased()
                guard let component = open.popLast() else {
                    throw .unbalanced(line: line.line, found: "END:\(name)", expected: nil)
                }
                guard component.name == name else {
                    throw .unbalanced(line: line.line, found: "END:\(name)", expected: component.name)
                }
                if open.isEmpty {
                    roots.append(component)
                } else {
                    open[open.count - 1].components.append(component)
                }
            default:
                guard !open.isEmpty else {
                    throw .syntax(line: line.line, reason: "\(line.name) outside BEGIN:VCALENDAR ... END:VCALENDAR")
                }
                open[open.count - 1].properties.append(line)
            }
        }
        if let unclosed = open.last {
            throw .unbalanced(
                line: unclosed.line, found: "BEGIN:\(unclosed.name) open at the end", expected: unclosed.name)
        }
        guard roots.contains(where: { $0.name == "VCALENDAR" }) else { throw .notACalendar }
        return roots
    }
}
