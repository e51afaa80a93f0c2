import MentorProtocol
import MentorTestSupport
import Testing

struct VarlinkFramerTests {
    private func messages(_ framer: inout VarlinkFramer) throws -> [String] {
        var found: [String] = []
        while let message = try framer.nextMessage() { found.append(String(decoding: message, as: UTF8.self)) }
        return found
    }

    @Test func splitsSeveralMessagesInOneChunk() throws {
        var framer = VarlinkFramer()
        framer.append(contentsOf: Array("{\"a\":1}\0{\"b\":2}\0{\"c\"".utf8))
        #expect(try messages(&framer) == ["{\"a\":1}", "{\"b\":2}"])
        #expect(framer.pendingByteCount == 4)
        framer.append(contentsOf: Array(":3}\0".utf8))
        #expect(try messages(&framer) == ["{\"c\":3}"])
        #expect(framer.pendingByteCount == 0)
    }

    @Test func reassemblesAMessageFedOneByteAtATime() throws {
        var framer = VarlinkFramer()
        var found: [String] = []
        for byte in Array("{\"method\":\"x.Y\"}\0{}\0".utf8) {
            framer.append(contentsOf: [byte])
            found += try messages(&framer)
        }
        #expect(found == ["{\"method\":\"x.Y\"}", "{}"])
    }

    @Test func acceptsAMessageOfExactlyTheLimit() throws {
        var framer = VarlinkFramer(maximumMessageSize: 8)
        framer.append(contentsOf: Array("12345678\0".utf8))
        #expect(try messages(&framer) == ["12345678"])
    }

    @Test func refusesAnUnterminatedMessageOverTheLimit() {
        var framer = VarlinkFramer(maximumMessageSize: 8)
        framer.append(contentsOf: Array("123456789".utf8))
        #expect(throws: VarlinkFramingError.messageTooLarge(limit: 8)) { try framer.nextMessage() }
    }

    @Test func refusesATerminatedMessageOverTheLimit() {
        var framer = VarlinkFramer(maximumMessageSize: 8)
        framer.append(contentsOf: Array("123456789\0".utf8))
        #expect(throws: VarlinkFramingError.messageTooLarge(limit: 8)) { try framer.nextMessage() }
    }

    /// Property: however a stream is cut into chunks, the framer returns the same messages.
    @Test func returnsTheSameMessagesForAnyChunking() throws {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let originals = (0..<Int(generator.next() % 6)).map { _ in
                String(
                    (0..<Int(generator.next() % 40)).map { _ in
                        Character(UnicodeScalar(UInt8(97 + generator.next() % 26)))
                    })
            }
            let stream: [UInt8] = originals.flatMap { Array($0.utf8) + [0] }
            var framer = VarlinkFramer()
            var found: [String] = []
            var offset = 0
            while offset < stream.count {
                let size = 1 + Int(generator.next() % 17)
                framer.append(contentsOf: stream[offset..<min(stream.count, offset + size)])
                offset += size
                found += try messages(&framer)
            }
            #expect(found == originals)
        }
    }
}
