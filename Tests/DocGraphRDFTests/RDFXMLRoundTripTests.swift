import Testing
import DocGraphModel
import DocGraphXML
@testable import DocGraphRDF

struct RDFXMLRoundTripTests {
    func write(_ triples: [Triple]) throws -> String {
        let w = XMLByteWriter()
        let s = try RDFXMLSerializer(writer: w)
        for t in triples { try s.consume(t) }
        try s.finish()
        return String(decoding: w.memory, as: UTF8.self)
    }

    func read(_ xml: String) throws -> [Triple] {
        var sink = TripleCollector()
        try RDFXMLParser(base: "http://example.org/doc").parse(bytes: Array(xml.utf8), source: "t.rdf", into: &sink)
        return sink.triples
    }

    let s = Subject.iri(IRI(unchecked: "https://w3id.org/docgraph/id/organization/某市委"))

    @Test func everyKindOfObjectSurvivesTheRoundTrip() throws {
        let triples = [
            Triple(s, RDF.type, .iri(DG.term("Organization"))),
            Triple(s, SKOS.prefLabel, .literal(Literal("某市委 <&> \"]]>\"", language: "zh-Hans"))),
            Triple(s, DG.term("founded"), .literal(Literal("1949", datatype: XSD.integer))),
            Triple(s, IRI(unchecked: "http://other.example/vocab#note"), .literal(Literal("line\nbreak\r\ttab"))),
            Triple(s, IRI(unchecked: "http://other.example/vocab#note"), .literal(Literal("<b>x</b>", datatype: RDF.xmlLiteral))),
            Triple(s, DG.term("leads"), .blank(BlankNode("b1"))),
            Triple(.blank(BlankNode("b1")), RDF.type, .iri(DG.term("Organization"))),
            Triple(.blank(BlankNode("not an NCName")), RDFS.label, .literal(Literal(""))),
        ]
        let xml = try write(triples)
        #expect(xml.contains("<dg:Organization rdf:about="))
        #expect(xml.contains("xml:lang=\"zh-Hans\""))
        #expect(GraphIsomorphism.isIsomorphic(try read(xml), triples))
    }

    @Test func unwritablePredicateIsAClearError() throws {
        let t = Triple(s, IRI(unchecked: "http://example.org/ends-with/123"), .literal(Literal("x")))
        #expect {
            _ = try write([t])
        } throws: { error in
            (error as? ParseError)?.message.contains("cannot be written in RDF/XML") == true
        }
    }

    @Test func controlCharactersNeverMakeAMalformedFile() throws {
        let t = Triple(s, RDFS.label, .literal(Literal("a\u{1}b\u{FFFF}")))
        let back = try read(try write([t]))
        #expect(back == [Triple(s, RDFS.label, .literal(Literal("a\u{FFFD}b\u{FFFD}")))])
    }

    @Test func relativeReferencesResolveAgainstTheBase() {
        #expect(IRIResolver.resolve("g;x?y#s", against: "http://a/b/c/d;p?q") == "http://a/b/c/g;x?y#s")
        #expect(IRIResolver.resolve("../../g", against: "http://a/b/c/d;p?q") == "http://a/g")
        #expect(IRIResolver.resolve("", against: "http://a/b/c/d;p?q") == "http://a/b/c/d;p?q")
        #expect(IRIResolver.resolve("#s", against: "http://a/b/c/d;p?q") == "http://a/b/c/d;p?q#s")
        #expect(IRIResolver.resolve("//g", against: "http://a/b/c/d;p?q") == "http://g")
    }

    @Test func malformedRDFXMLIsASyntaxErrorWithPosition() throws {
        let xml = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
          <rdf:Description rdf:about="x">
            <ex:p rdf:resource="y">text</ex:p>
          </rdf:Description>
        </rdf:RDF>
        """
        #expect {
            _ = try read(xml)
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.source == "t.rdf" && e.line >= 3 && e.message.contains("cannot hold text")
        }
    }

    @Test func isomorphismNoticesADifference() throws {
        let a = [Triple(.blank(BlankNode("x")), RDFS.label, .literal(Literal("a")))]
        let b = [Triple(.blank(BlankNode("y")), RDFS.label, .literal(Literal("a")))]
        let c = [Triple(.blank(BlankNode("y")), RDFS.label, .literal(Literal("b")))]
        #expect(GraphIsomorphism.isIsomorphic(a, b))
        #expect(!GraphIsomorphism.isIsomorphic(a, c))
    }
}

struct KnowledgeGraphRoundTripTests {
    @Test func graphThroughRDFXMLAndNTriplesComesBackWhole() throws {
        var g = KnowledgeGraph()
        let org = DG.term("Organization")
        g.add(Document(id: "报告 2024", title: "某市人大常委会工作报告", date: "2025-01-11", checksum: "00"))
        let a = Entity(type: org, label: "某市人大常委会", aliases: ["市人大常委会", "<&\"]]>"], documents: ["报告 2024"])
        let p = Entity(type: DG.term("Person"), label: "张三", documents: ["报告 2024"])
        g.add(a); g.add(p)
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: a.node, role: "主任", confidence: 0.8,
                       provenance: [Provenance(document: "报告 2024", sentence: "主任张三说", sentenceStart: 5, sentenceEnd: 10,
                                               subjectStart: 7, subjectEnd: 9, objectStart: nil, objectEnd: nil, rule: "post.before")]))

        let w = XMLByteWriter()
        let rdf = try RDFXMLSerializer(writer: w)
        try g.forEachTriple { try rdf.consume($0) }
        try rdf.finish()
        var sink = TripleCollector()
        try RDFXMLParser(base: "http://example.org/").parse(bytes: w.memory, source: "g.rdf", into: &sink)
        #expect(KnowledgeGraph(triples: sink.triples) == g)

        let nt = g.triples.map(NTriplesSerializer.line).joined()
        var back = TripleCollector()
        try NTriplesParser(source: "g.nt").parse(nt, into: &back)
        #expect(KnowledgeGraph(triples: back.triples) == g)
    }
}
