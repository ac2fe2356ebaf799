import DocGraphModel
import Foundation
import Testing
@testable import DocGraphRDF

/// Turtle in, the same triples as N-Triples; Turtle out, read back unchanged.
struct TurtleTests {
    func triples(_ turtle: String, base: String = "http://example.org/doc") throws -> [Triple] {
        var sink = TripleCollector()
        try TurtleParser(source: "t.ttl", base: base).parse(turtle, into: &sink)
        return sink.triples
    }

    func nTriples(_ text: String) throws -> [Triple] {
        var sink = TripleCollector()
        try NTriplesParser(source: "e.nt").parse(text, into: &sink)
        return sink.triples
    }

    @Test func everyConstructReadsAsItsTriples() throws {
        let turtle = #"""
            @prefix ex: <http://example.org/ns#> .
            PREFIX 组织: <http://example.org/组织/>
            @base <http://example.org/base/> .
            ex:a a ex:Thing ; ex:name "A"@zh-Hans , 'B' ; ex:n 42, -1.5, 1e3, true ;
                ex:rel <relative> , 组织:杭州市委 ;
                ex:list ( 1 "two" ex:three ) ; ex:empty () .
            [ ex:p "anonymous" ] ex:q _:x .
            _:x ex:long """line one
            line "two" ""\u00e9""" ; ex:esc "tab\there\\ \"q\"" ; ex:typed "2024-01-20"^^<http://www.w3.org/2001/XMLSchema#date> ;
                ex:local ex:with\.dot\-dash ; .
            [] ex:p [ ex:q ex:r ] .
            """#
        let expected = #"""
            <http://example.org/ns#a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/ns#Thing> .
            <http://example.org/ns#a> <http://example.org/ns#name> "A"@zh-Hans .
            <http://example.org/ns#a> <http://example.org/ns#name> "B" .
            <http://example.org/ns#a> <http://example.org/ns#n> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://example.org/ns#a> <http://example.org/ns#n> "-1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
            <http://example.org/ns#a> <http://example.org/ns#n> "1e3"^^<http://www.w3.org/2001/XMLSchema#double> .
            <http://example.org/ns#a> <http://example.org/ns#n> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            <http://example.org/ns#a> <http://example.org/ns#rel> <http://example.org/base/relative> .
            <http://example.org/ns#a> <http://example.org/ns#rel> <http://example.org/组织/杭州市委> .
            <http://example.org/ns#a> <http://example.org/ns#list> _:l1 .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "two" .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l3 .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://example.org/ns#three> .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            <http://example.org/ns#a> <http://example.org/ns#empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:b1 <http://example.org/ns#p> "anonymous" .
            _:b1 <http://example.org/ns#q> _:x .
            _:x <http://example.org/ns#long> "line one\nline \"two\" \"\"é" .
            _:x <http://example.org/ns#esc> "tab\there\\ \"q\"" .
            _:x <http://example.org/ns#typed> "2024-01-20"^^<http://www.w3.org/2001/XMLSchema#date> .
            _:x <http://example.org/ns#local> <http://example.org/ns#with.dot-dash> .
            _:b2 <http://example.org/ns#p> _:b3 .
            _:b3 <http://example.org/ns#q> <http://example.org/ns#r> .
            """#
        let got = try triples(turtle)
        #expect(GraphIsomorphism.isIsomorphic(got, try nTriples(expected)), "\(got.map(NTriplesSerializer.line).joined())")
    }

    @Test func errorsNameLineAndColumn() {
        func message(_ turtle: String) -> String {
            do { _ = try triples(turtle); return "no error" } catch { return "\(error)" }
        }
        #expect(message("@prefix ex: <http://e/> .\nex:a ex:b zz:c .") == "t.ttl:2:11: error: unknown prefix 'zz:'")
        #expect(message("<http://e/a> <http://e/b> \"open .") == "t.ttl:1:27: error: unclosed string")
        #expect(message("<http://e/a> <http://e/b> <http://e/c>") == "t.ttl:1:39: error: expected '.'")
        #expect(message("<http://e/a> <http://e/b> <bad iri> .").hasPrefix("t.ttl:1:31: error: character"))
        #expect(message("\"lit\" <http://e/b> <http://e/c> .").contains("a literal cannot be a subject"))
    }

    @Test func writtenTurtleReadsBackAsTheSameTriples() throws {
        let source = try nTriples(#"""
            <https://w3id.org/docgraph/id/organization/杭州市委> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/docgraph/ontology#Organization> .
            <https://w3id.org/docgraph/id/organization/杭州市委> <http://www.w3.org/2004/02/skos/core#prefLabel> "杭州市委"@zh-Hans .
            <https://w3id.org/docgraph/id/organization/杭州市委> <http://www.w3.org/2004/02/skos/core#altLabel> "中共\"杭州\"市委\n"@zh-Hans .
            <https://w3id.org/docgraph/id/organization/a%20b> <https://w3id.org/docgraph/ontology#confidence> "0.9"^^<http://www.w3.org/2001/XMLSchema#double> .
            _:e <https://w3id.org/docgraph/ontology#sentence> "在（杭州）、“宁波”。" .
            <http://other.example/x> <https://w3id.org/docgraph/ontology#x> _:e .
            """#)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("turtle-\(UUID().uuidString).ttl")
        var w = TurtleSerializer(output: try ByteOutput(path: dir.path))
        for t in source { try w.consume(t) }
        try w.finish()
        let text = try String(contentsOf: dir, encoding: .utf8)
        #expect(text.contains("dgid:organization/杭州市委") == false)   // '/' is not a name character: full IRI
        #expect(text.contains("a dg:Organization"))
        #expect(GraphIsomorphism.isIsomorphic(try triples(text), source))
    }

    /// Every Turtle file of the W3C SPARQL 1.1 tests (data, results and
    /// manifests) parses; their triples were checked against raptor's.
    @Test func theSPARQLTestSuitesTurtleFilesAllParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conformance/sparql11")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".ttl") }.sorted()
        #expect(files.count > 200)
        var failures: [String] = []
        for f in files {
            var sink = TripleCollector()
            do { try TurtleParser.parse(path: root.appendingPathComponent(f).path, into: &sink) } catch { failures.append("\(error)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The Turtle fuzzer's seeds (Fuzz/corpus/turtle, `scripts/fuzz.sh turtle`) are valid Turtle,
    /// so that its mutations start from documents the parser reads through, every form among them.
    @Test func theFuzzersSeedsAreValidTurtle() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/turtle")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".ttl") }.sorted()
        #expect(files.count >= 10)
        for f in files {
            var sink = TripleCollector()
            #expect(throws: Never.self, "\(f)") {
                try TurtleParser.parse(path: root.appendingPathComponent(f).path, base: "http://example.org/fuzz/" + f, into: &sink)
            }
            #expect(!sink.triples.isEmpty, "\(f)")
        }
    }
}
