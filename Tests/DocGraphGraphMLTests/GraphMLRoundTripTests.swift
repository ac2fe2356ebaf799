import Foundation
import Testing
import DocGraphModel
import DocGraphXML
@testable import DocGraphGraphML

/// graph → GraphML → graph gives back the same graph: for any RDF through
/// the RDF view (`docgraph convert x.nt x.graphml`), and for extracted
/// graphs through the property-graph GraphML `docgraph extract` writes.
struct GraphMLRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schema = root.appendingPathComponent("Ontology/schemas/graphml/graphml.xsd").path
    static let export = root.appendingPathComponent("Exports/suzhou-npc-2024.graphml").path

    static let dg = "https://w3id.org/docgraph/ontology#"
    static let id = "https://w3id.org/docgraph/id/"

    /// A graph shaped like Benchmarks/generate_graph.py's: typed entities
    /// with Chinese names, some aliases, hub-heavy links, no rdfs:label and
    /// no statements.
    static func generatedGraph(entities: Int) -> [Triple] {
        var rng = SplitMix(seed: 20261127)
        let classes = ["Organization", "Regulation", "Person"]
        let relations = ["enacted", "inspected", "oversees", "reportsTo", "leads"]
        let places = ["北京", "苏州", "无锡", "杭州"], bodies = ["市人大常委会", "市人民政府", "市委"]
        let hubs = places.flatMap { p in bodies.map { p + $0 } }
        var triples: [Triple] = []
        for k in 1...entities {
            let cls = classes[Int(rng.next() % 3)]
            let name = places[Int(rng.next() % 4)] + bodies[Int(rng.next() % 3)] + "第\(k)号"
            let s = Subject.iri(IRI(unchecked: id + cls.lowercased() + "/" + name))
            triples.append(Triple(s, RDF.type, .iri(IRI(unchecked: dg + cls))))
            triples.append(Triple(s, SKOS.prefLabel, .literal(Literal(name, language: "zh-Hans"))))
            if rng.next() % 2 == 0 { triples.append(Triple(s, SKOS.altLabel, .literal(Literal(String(name.dropFirst(2)), language: "zh-Hans")))) }
            for _ in 0..<(1 + rng.next() % 4) {
                let hub = hubs[min(Int(rng.next() % 64) / 4, hubs.count - 1)]
                triples.append(Triple(s, IRI(unchecked: dg + relations[Int(rng.next() % 5)]),
                                      .iri(IRI(unchecked: id + "organization/" + hub))))
            }
        }
        return triples
    }

    /// Triples that stress the mapping: blank nodes, datatypes, languages,
    /// several values under one key, markup and the list separator in values,
    /// an IRI with no XML name, an empty literal.
    static let awkwardTriples: [Triple] = {
        let s = Subject.iri(IRI(unchecked: "http://example.org/s"))
        let b = Subject.blank(BlankNode("b1"))
        let p = IRI(unchecked: "http://example.org/p")
        return [
            Triple(s, p, .literal(Literal("one"))),
            Triple(s, p, .literal(Literal("two|three"))),
            Triple(s, p, .literal(Literal("一", language: "zh-Hans"))),
            Triple(s, p, .literal(Literal("one", language: "en"))),
            Triple(s, p, .literal(Literal("42", datatype: XSD.integer))),
            Triple(s, p, .literal(Literal(""))),
            Triple(s, IRI(unchecked: "http://example.org/"), .literal(Literal("<a href=\"x\">&amp;</a>\t\r\n"))),
            Triple(s, p, b.term),
            Triple(b, RDF.type, .iri(IRI(unchecked: "http://example.org/C"))),
            Triple(b, p, .literal(Literal("0.5", datatype: XSD.double))),
            Triple(b, p, s.term),
        ]
    }()

    func viaRDFView(_ triples: [Triple]) throws -> (graphML: String, back: [Triple]) {
        let w = GraphMLSerializer()
        for t in triples { try w.consume(t) }
        try w.finish()
        var back = Collector()
        try GraphMLReader.parse(bytes: w.contents, source: "t.graphml", into: &back)
        return (String(decoding: w.contents, as: UTF8.self), back.triples)
    }

    @Test func theGeneratedGraphComesBackTripleForTriple() throws {
        let triples = Self.generatedGraph(entities: 2_000)
        let (_, back) = try viaRDFView(triples)
        #expect(Set(back) == Set(triples))
        #expect(!back.contains { $0.predicate == RDFS.label || $0.predicate == DG.confidence || $0.object == .iri(RDF.statement) })
    }

    @Test func awkwardLiteralsAndBlankNodesComeBack() throws {
        let (_, back) = try viaRDFView(Self.awkwardTriples)
        #expect(Set(back) == Set(Self.awkwardTriples))
        #expect(back.count == Self.awkwardTriples.count)
    }

    @Test func theRDFViewIsValidGraphML() throws {
        let (graphML, _) = try viaRDFView(Self.awkwardTriples + Self.generatedGraph(entities: 50))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-rdf-view-\(UUID()).graphml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try graphML.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try XMLSchemaValidator(schemaPath: Self.schema).validate(path: path).isEmpty)
    }

    @Test func anExtractedGraphComesBackThroughItsGraphML() throws {
        let extracted = try GraphMLReader.read(path: Self.export)
        #expect(!extracted.relations.isEmpty)
        let back = try GraphMLReader.read(bytes: Array(try GraphMLWriter.string(extracted).utf8), source: "x.graphml")
        #expect(back == extracted)
        #expect(Set(back.triples) == Set(extracted.triples))
        // And as plain RDF, with its statements and evidence, through the RDF view.
        let (_, triples) = try viaRDFView(extracted.triples)
        #expect(Set(triples) == Set(extracted.triples))
    }

    @Test func languagesAndDatatypesOfAttributesSurviveThePropertyGraph() throws {
        var g = KnowledgeGraph()
        let e = Entity(node: .iri(IRI(unchecked: "http://example.org/e")), type: DG.term("Organization"), label: "Acme",
                       language: nil, aliases: ["ACME"],
                       attributes: [DG.term("founded"): [Literal("1999", datatype: XSD.integer), Literal("一九九九", language: "zh-Hans")]])
        g.add(e)
        g.add(Entity(type: DG.term("Organization"), label: "某市委"))
        let back = try GraphMLReader.read(bytes: Array(try GraphMLWriter.string(g).utf8), source: "x.graphml")
        #expect(back == g)
    }

    @Test func anEdgeBeforeItsNodesIsAnError() throws {
        let text = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="rdf" for="graph" attr.name="rdf"/>
            <graph edgedefault="directed"><data key="rdf">triples</data>
            <edge source="n1" target="n2"><data key="predicate">http://example.org/p</data></edge></graph></graphml>
            """
        #expect(throws: ParseError.self) {
            var sink = Collector()
            try GraphMLReader.parse(bytes: Array(text.utf8), source: "e.graphml", into: &sink)
        }
    }
}

private struct Collector: TripleSink {
    var triples: [Triple] = []
    mutating func consume(_ t: Triple) { triples.append(t) }
}

/// A small deterministic generator (SplitMix64), so the test graph is the same on every machine.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
