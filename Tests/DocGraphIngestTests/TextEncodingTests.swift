import DocGraphExtract
import Testing
@testable import DocGraphIngest

/// The same text in any common encoding reads as the same text, and gives the same graph.
struct TextEncodingTests {
    static let text = Fixtures.hangzhou
    static var utf8: [UInt8] { Array(text.utf8) }

    static func encoded(_ name: String) -> [UInt8] {
        TextEncoding.convert(utf8, from: "UTF-8", to: name)!
    }

    @Test func eachEncodingIsDetectedAndDecoded() throws {
        let cases: [([UInt8], TextEncoding)] = [
            (Self.utf8, .utf8),
            ([0xEF, 0xBB, 0xBF] + Self.utf8, .utf8),
            ([0xFF, 0xFE] + Self.encoded("UTF-16LE"), .utf16LE),
            ([0xFE, 0xFF] + Self.encoded("UTF-16BE"), .utf16BE),
            (Self.encoded("UTF-16LE"), .utf16LE),
            (Self.encoded("GB18030"), .gb18030),
            (Self.encoded("GBK"), .gb18030),
        ]
        for (bytes, expected) in cases {
            let (text, encoding) = try TextEncoding.decode(bytes)
            #expect(encoding == expected)
            #expect(text == Self.text)
        }
    }

    @Test func theSameGraphFromEveryEncoding() throws {
        let extractor = try Fixtures.extractor.get()
        let reader = DocumentReader()
        let variants = [Self.utf8, [0xEF, 0xBB, 0xBF] + Self.utf8, [0xFF, 0xFE] + Self.encoded("UTF-16LE"),
                        [0xFE, 0xFF] + Self.encoded("UTF-16BE"), Self.encoded("GB18030")]
        let graphs = try variants.map { bytes in
            extractor.extract(try reader.read(bytes: bytes, id: "report", location: "report.txt"))
        }
        #expect(graphs[0].entities.count >= 5)
        for g in graphs.dropFirst() { #expect(Fixtures.facts(g) == Fixtures.facts(graphs[0])) }
        #expect(graphs[4].documents["report"]?.format == "text/plain; charset=gb18030")
    }

    @Test func bytesThatAreNoTextNameTheFirstBadOffset() {
        let bad: [UInt8] = Array("杭州".utf8) + [0xFF, 0x00, 0xC3] + Array("市".utf8)
        #expect(throws: TextEncoding.Failure.self) { try TextEncoding.decode(bad) }
        do {
            _ = try TextEncoding.decode(bad)
        } catch {
            #expect(error.byteOffset == 6)
            #expect(error.message.contains("offset 6"))
        }
    }

    @Test func aForcedEncodingWins() throws {
        let gb = Self.encoded("GB18030")
        #expect(try TextEncoding.decode(gb, forced: .gb18030).text == Self.text)
        #expect(throws: TextEncoding.Failure.self) { try TextEncoding.decode(gb, forced: .utf8) }
        #expect(TextEncoding(name: "GBK") == .gb18030)
        #expect(TextEncoding(name: "UTF_8") == .utf8)
        #expect(TextEncoding(name: "latin-9") == nil)
    }
}
