import Testing
import DocGraphModel
@testable import DocGraphRDF

struct NTriplesTests {
    func parse(_ text: String) throws -> [Triple] {
        var sink = TripleCollector()
        try NTriplesParser(source: "t.nt").parse(text, into: &sink)
        return sink.triples
    }

    @Test func everyTermKindParses() throws {
        let t = try parse("""
        # comment
        <urn:s> <urn:p> "plain" .
        _:b1 <urn:p> "中文"@zh-Hans .
        <urn:s> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
        <urn:s> <urn:p> _:b1 . # trailing comment
        <urn:s> <urn:p> "tab\\tquote\\"\\u00E9\\U0001F600" .
        """)
        #expect(t.count == 5)
        #expect(t[1].object == .literal(Literal("中文", language: "zh-Hans")))
        #expect(t[2].object.literal?.datatype == XSD.integer)
        #expect(t[4].object.literal?.lexicalForm == "tab\tquote\"é😀")
    }

    @Test(arguments: [
        ("<urn:s> <urn:p> \"x\"", 1, 20, "expected '.'"),
        ("<urn:s> <urn:p> <rel> .", 1, 17, "relative IRI"),
        ("<urn:s> \"p\" <urn:o> .", 1, 9, "predicate"),
        ("<urn:s> <urn:p> \"x\"@ .", 1, 20, "language tag"),
        ("<urn:s> <urn:p> \"unterminated .", 1, 17, "unterminated"),
        ("\n<urn:s> <urn:p> \"\\q\" .", 2, 18, "invalid escape"),
    ])
    func syntaxErrorsNameLineAndColumn(input: String, line: Int, column: Int, message: String) throws {
        #expect {
            _ = try parse(input)
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.line == line && e.column == column && e.message.contains(message) && e.source == "t.nt"
        }
    }

    @Test(arguments: [("en", true), ("zh-Hans", true), ("en-US-x-twain", true), ("de-1996", true), ("x-1a2b", true),
                      ("1en", false), ("en-", false), ("en--US", false), ("-en", false), ("zh_Hans", false), ("中文", false)])
    func languageTagsFollowTheNTriplesGrammar(tag: String, valid: Bool) throws {
        let line = "<urn:s> <urn:p> \"x\"@\(tag) ."
        if valid {
            #expect(try parse(line).first?.object == .literal(Literal("x", language: tag)))
        } else {
            #expect(throws: ParseError.self) { _ = try parse(line) }
        }
    }

    @Test func serializerOutputParsesBackToTheSameTriples() throws {
        let triples = [
            Triple(.iri(IRI(unchecked: "urn:s")), IRI(unchecked: "urn:p"), .literal(Literal("a\"b\\c\nd\re"))),
            Triple(.blank(BlankNode("x")), IRI(unchecked: "urn:p"), .literal(Literal("中", language: "zh-Hans"))),
            Triple(.iri(IRI(unchecked: "urn:s")), IRI(unchecked: "urn:p"), .literal(Literal("1", datatype: XSD.integer))),
            Triple(.iri(IRI(unchecked: "urn:s")), IRI(unchecked: "urn:p"), .iri(IRI(unchecked: "http://例子.中国/路径"))),
        ]
        let text = triples.map(NTriplesSerializer.line).joined()
        #expect(try parse(text) == triples)
    }
}
