import Testing

@testable import MentorCalendar

/// What ``XMLEventReader`` reports, and where it stops, case by case; XMLEventReaderDifferentialTests
/// holds it to expat over many more documents.
struct XMLEventReaderTests {
    static let dav = "DAV:"

    static func events(_ text: String) throws -> [XMLEvent] {
        try events(Array(text.utf8))
    }

    static func events(_ bytes: [UInt8]) throws(XMLSyntaxError) -> [XMLEvent] {
        var reader = try XMLEventReader(bytes)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    static func refusal(_ text: String) -> XMLSyntaxError? {
        refusal(Array(text.utf8))
    }

    static func refusal(_ bytes: [UInt8]) -> XMLSyntaxError? {
        do {
            _ = try events(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func start(_ namespace: String, _ local: String) -> XMLEvent {
        .start(XMLName(namespace: namespace, local: local))
    }
    static func end(_ namespace: String, _ local: String) -> XMLEvent {
        .end(XMLName(namespace: namespace, local: local))
    }

    /// The same reply with the prefixes of three servers reads the same.
    @Test func namesElementsByNamespaceWhateverThePrefix() throws {
        let expected = [
            Self.start(Self.dav, "multistatus"), Self.start(Self.dav, "href"), .text("/a"), Self.end(Self.dav, "href"),
            Self.end(Self.dav, "multistatus"),
        ]
        #expect(try Self.events("<d:multistatus xmlns:d=\"DAV:\"><d:href>/a</d:href></d:multistatus>") == expected)
        #expect(try Self.events("<D:multistatus xmlns:D='DAV:'><D:href>/a</D:href></D:multistatus>") == expected)
        #expect(try Self.events("<multistatus xmlns=\"DAV:\"><href>/a</href></multistatus>") == expected)
    }

    @Test func scopesDeclarationsToTheirElement() throws {
        let events = try Self.events("<a xmlns='u' xmlns:p='v'><p:b xmlns:p='w'/><b xmlns=''/><p:c/></a>")
        #expect(
            events == [
                Self.start("u", "a"), Self.start("w", "b"), Self.end("w", "b"), Self.start("", "b"), Self.end("", "b"),
                Self.start("v", "c"), Self.end("v", "c"), Self.end("u", "a"),
            ])
    }

    @Test func replacesReferencesAndUnwrapsCDATA() throws {
        let events = try Self.events("<a>&lt;&gt;&amp;&apos;&quot; &#65;&#x1F600;&#13;<![CDATA[<b>&amp;]]></a>")
        #expect(events == [Self.start("", "a"), .text("<>&'\" A😀\r"), .text("<b>&amp;"), Self.end("", "a")])
    }

    /// Calendar data arrives with CRLF line ends; XML reads every line end as LF (section 2.11),
    /// except one written as a reference.
    @Test func readsEveryLineEndAsLineFeed() throws {
        let events = try Self.events("<a>1\r\n2\r3\n4&#13;&#10;</a>")
        #expect(events == [Self.start("", "a"), .text("1\n2\n3\n4\r\n"), Self.end("", "a")])
    }

    @Test func skipsCommentsAndProcessingInstructionsEverywhere() throws {
        let events = try Self.events(
            "<?xml version=\"1.0\"?><!-- c --><?pi?><a>x<!-- y -->z<?pi data?></a><!-- d --><?q?>")
        #expect(events == [Self.start("", "a"), .text("x"), .text("z"), Self.end("", "a")])
    }

    /// Foundation's XMLParser, which mentord used before, crashed the process on a processing
    /// instruction without data: a server could stop mentord with four bytes.
    @Test func readsAProcessingInstructionWithoutData() throws {
        #expect(try Self.events("<a><?x?></a>") == [Self.start("", "a"), Self.end("", "a")])
    }

    @Test func readsTheEncodingsAServerMightSend() throws {
        let expected = [Self.start("", "a"), .text("é"), Self.end("", "a")]
        #expect(try Self.events([0xEF, 0xBB, 0xBF] + Array("<a>é</a>".utf8)) == expected)
        #expect(
            try Self.events([0xFF, 0xFE] + "<a>é</a>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == expected)
        #expect(
            try Self.events([0xFE, 0xFF] + "<a>é</a>".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == expected)
        #expect(
            try Self.events(Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>".utf8) + [0xE9] + Array("</a>".utf8))
                == expected)
        #expect(
            Self.refusal("<?xml version='1.0' encoding='Shift_JIS'?><a/>")?.reason
                == "the encoding shift_jis is not supported (UTF-8 is)")
        #expect(Self.refusal("<?xml version='1.0' encoding='US-ASCII'?>\n<a>é</a>")?.line == 2)
        #expect(Self.refusal(Array("<a>\n\n".utf8) + [0xC3] + Array("</a>".utf8))?.line == 3)
    }

    @Test func refusesDocumentTypesAndUnknownEntities() {
        #expect(
            Self.refusal("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>")?.reason
                == "document type declarations are not supported")
        #expect(Self.refusal("<a>&nbsp;</a>")?.reason == "the entity &nbsp; is not defined")
    }

    /// Each refusal names the line it is on, for the log.
    @Test(arguments: [
        ("<a>\n<b>\n</a>", 3, "</a> ends <b>"),
        ("<a>\n<p:b/></a>", 2, "the prefix p is not declared"),
        ("<a>\n\n", 3, "the document ends inside <a>"),
        ("<a/>\n<b/>", 2, "a second root element"),
        ("<a>]]></a>", 1, "]]> outside a CDATA section"),
        ("<a b='1' b='2'/>", 1, "the attribute b appears twice"),
        ("<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", 1, "the attribute q:x repeats another by its namespace"),
        ("<a>\u{1}</a>", 1, "control character U+0001 is not allowed in XML"),
        ("<a>&#0;</a>", 1, "a character reference that is not one of an allowed character"),
        ("<a xmlns:p=''/>", 1, "the prefix p is declared with an empty namespace"),
        ("", 1, "the document has no element"),
    ])
    func refusesWhatIsNotWellFormed(text: String, line: Int, reason: String) {
        #expect(Self.refusal(text) == XMLSyntaxError(line: line, reason: reason))
    }

    /// A processing instruction whose target starts with `xml` is no declaration: it names no
    /// encoding, so bytes that are not UTF-8 are refused, as expat refuses them.
    @Test func readsTheEncodingOnlyFromTheDeclaration() {
        let stylesheet = Array("<?xml-stylesheet encoding='latin1'?><a>".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(Self.refusal(stylesheet)?.reason == "the bytes are not valid UTF-8")
        let marked: [UInt8] =
            [0xFF, 0xFE]
            + "<?xml version='1.0' encoding='UTF-8'?><a/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.refusal(marked)?.reason == "a UTF-16 byte order mark, but the encoding utf-8")
    }

    /// After an error the reader stays done, rather than going on in a state the error left half made.
    @Test func endsAtTheFirstError() throws {
        var reader = try XMLEventReader(Array("<a><p:b/></a>".utf8))
        #expect(try reader.next() == Self.start("", "a"))
        #expect(throws: XMLSyntaxError.self) { try reader.next() }
        #expect(try reader.next() == nil)
    }

    @Test func holdsNestingToLibxml2sDepth() throws {
        let depth = XMLEventReader.maximumDepth
        let deepest = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(try Self.events(deepest).count == 2 * depth)
        let deeper = String(repeating: "<a>", count: depth + 1) + String(repeating: "</a>", count: depth + 1)
        #expect(Self.refusal(deeper)?.reason == "elements nested deeper than \(depth)")
    }
}
