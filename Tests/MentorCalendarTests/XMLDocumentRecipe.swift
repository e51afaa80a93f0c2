/// Builds an XML document from a recipe of bytes, each choice taken from the next one, for the
/// generated cases of XMLEventReaderDifferentialTests: WebDAV-shaped nesting, namespaces declared,
/// redeclared and undeclared, and text that carries everything the grammar treats specially. Most
/// documents come out well-formed; the pieces that break a rule (an undeclared prefix, `]]>` in
/// text, an unknown entity) come up now and then, so both sides of every rule get compared.
struct XMLDocumentRecipe {
    private var recipe: [UInt8]
    private var position = 0
    private var text = ""

    static let prefixes = ["", "d", "D", "C", "cs", "x"]
    static let namespaces = ["DAV:", "urn:ietf:params:xml:ns:caldav", "http://calendarserver.org/ns/", "u", ""]
    static let locals = ["multistatus", "response", "href", "propstat", "calendar-data", "a", "é", "n.1", "x_y"]
    static let pieces = [
        "word", " ", "\t", "\n", "\r\n", "\r", "é", "😀", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#13;",
        "&#x1F600;",
        "&#65;", "<![CDATA[<b>&amp;]]>", "<![CDATA[]]>", "<!-- note -->", "<?pi data?>", "<?pi?>", "]]", "]", ">", "\"",
        "'", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "<!---->",
    ]
    /// Text that breaks a rule: taken one time in sixteen.
    static let brokenPieces = ["]]>", "&nbsp;", "&#0;", "&", "<!-- a -- b -->", "&#xD800;", "\u{1}"]

    /// The document `recipe` describes. Choices past its end are 0s, which all make well-formed
    /// pieces.
    static func document(_ recipe: [UInt8]) -> [UInt8] {
        var builder = XMLDocumentRecipe(recipe: recipe)
        return builder.build()
    }

    private mutating func choose(_ count: Int) -> Int {
        defer { position += 1 }
        return position < recipe.count ? Int(recipe[position]) % count : 0
    }

    private mutating func build() -> [UInt8] {
        var prefix: [UInt8] = []
        switch choose(8) {
        case 0: prefix = [0xEF, 0xBB, 0xBF]
        case 1: text += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        case 2: text += "<?xml version='1.0'?>"
        case 3: text += "<!-- before -->\n"
        default: break
        }
        element(depth: 0, declared: [])
        if choose(4) == 0 { text += "\n<!-- after --><?after?>\n" }
        return prefix + Array(text.utf8)
    }

    private mutating func element(depth: Int, declared: Set<String>) {
        var declared = declared
        var attributes = ""
        var declaredHere: Set<String> = []
        for _ in 0..<choose(3) {
            let prefix = Self.prefixes[choose(Self.prefixes.count)]
            if !declaredHere.insert(prefix).inserted { continue }
            // Mostly a namespace; now and then none, which only the default namespace may be.
            let namespace = choose(8) == 7 ? "" : Self.namespaces[choose(Self.namespaces.count - 1)]
            attributes += prefix.isEmpty ? " xmlns=\"\(namespace)\"" : " xmlns:\(prefix)=\"\(namespace)\""
            declared.insert(prefix)
        }
        if choose(6) == 5 { attributes += [" id='1'", " id=\"&amp;&#10;\"", " xml:lang='en'"][choose(3)] }
        if choose(32) == 31 { attributes += [" id='<'", " d:id='2'", " id='1' id='2'"][choose(3)] }
        // Mostly a prefix in force, sometimes any (undeclared, or bound to no namespace).
        let inForce = Array(declared.union([""])).sorted()
        let prefix =
            choose(8) == 7 ? Self.prefixes[choose(Self.prefixes.count)] : inForce[choose(inForce.count)]
        let name = (prefix.isEmpty ? "" : prefix + ":") + Self.locals[choose(Self.locals.count)]
        if choose(5) == 0 {
            text += "<\(name)\(attributes)/>"
            return
        }
        text += "<\(name)\(attributes)>"
        let children = depth < 5 ? choose(4) : 0
        for _ in 0..<children {
            if choose(2) == 0 { piece() }
            element(depth: depth + 1, declared: declared)
        }
        for _ in 0..<choose(3) { piece() }
        text += "</\(name)>"
    }

    private mutating func piece() {
        text +=
            choose(16) == 15
            ? Self.brokenPieces[choose(Self.brokenPieces.count)] : Self.pieces[choose(Self.pieces.count)]
    }
}
