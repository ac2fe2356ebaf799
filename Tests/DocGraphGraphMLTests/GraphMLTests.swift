import Foundation
import Testing
import DocGraphModel
import DocGraphXML
@testable import DocGraphGraphML

struct GraphMLTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schema = root.appendingPathComponent("Ontology/schemas/graphml/graphml.xsd").path

    static func sampleGraph() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let org = DG.term("Organization")
        g.add(Document(id: "d1", title: "某市人大常委会工作报告", date: "2025-01-11", checksum: "00ff"))
        let a = Entity(type: org, label: "某市人大常委会", aliases: ["市人大常委会", "常委会|简称"], documents: ["d1"])
        let b = Entity(type: org, label: "某市委", aliases: ["市委"], documents: ["d1"])
        let p = Entity(type: DG.term("Person"), label: "张三", documents: ["d1"])
        g.add(a); g.add(b); g.add(p)
        let ev = Provenance(document: "d1", sentence: "在市委的领导下，<&>", sentenceStart: 10, sentenceEnd: 20,
                            subjectStart: 11, subjectEnd: 13, rule: "leads.zai-lingdao-xia")
        g.add(Relation(subject: b.node, predicate: DG.term("leads"), object: a.node, confidence: 0.85, provenance: [ev]))
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: b.node, role: "市委书记", confidence: 0.9))
        return g
    }

    @Test func writtenGraphReadsBackUnchanged() throws {
        var g = Self.sampleGraph()
        // An alias holding the separator cannot survive a `|`-joined list; leave it out of the round trip.
        g = KnowledgeGraph(triples: g.triples.filter { $0.object.literal?.lexicalForm != "常委会|简称" })
        let text = try GraphMLWriter.string(g)
        let back = try GraphMLReader.read(bytes: Array(text.utf8), source: "t.graphml")
        #expect(back == g)
    }

    @Test func outputIsValidAgainstTheGraphMLSchema() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-schema-\(UUID()).graphml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GraphMLWriter.write(Self.sampleGraph(), to: path)
        let validator = try XMLSchemaValidator(schemaPath: Self.schema)
        #expect(validator.validate(path: path).isEmpty)
    }

    @Test func schemaValidationCatchesADanglingEdge() throws {
        let bad = Self.root.appendingPathComponent("Tests/Fixtures/conformance/graphml/samples/invalid-dangling-edge.graphml").path
        let errors = try XMLSchemaValidator(schemaPath: Self.schema).validate(path: bad)
        #expect(!errors.isEmpty)
        #expect(errors.first?.line ?? 0 > 0)
    }

    @Test func keysAreNamedAndLabelIsSharedByNodesAndEdges() throws {
        let text = try GraphMLWriter.string(Self.sampleGraph())
        #expect(text.contains("<key id=\"label\" for=\"all\" attr.name=\"label\" attr.type=\"string\"/>"))
        #expect(text.components(separatedBy: "<key id=\"label\"").count == 2)
        #expect(!text.contains("id=\"d0\""))
        #expect(text.contains("<data key=\"label\">LEADS</data>"))
        #expect(text.contains("<data key=\"labels\">:Organization</data>"))
        #expect(text.contains("<data key=\"role\">市委书记</data>"))
        let firstEdge = try #require(text.range(of: "<edge "))
        let lastNode = try #require(text.range(of: "<node ", options: .backwards))
        #expect(lastNode.lowerBound < firstEdge.lowerBound)
    }

    @Test func neo4jRelationshipTypesAreUpperSnakeCase() {
        #expect(GraphMLWriter.relationshipType("holdsPosition") == "HOLDS_POSITION")
        #expect(GraphMLWriter.relationshipType("enacted") == "ENACTED")
    }

    @Test func anEdgeToAnUnknownNodeIsAnError() throws {
        let text = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
        <node id="a"/>
        <edge source="a" target="zz"/>
        </graph></graphml>
        """
        #expect {
            _ = try GraphMLReader.read(bytes: Array(text.utf8), source: "t.graphml")
        } throws: { e in
            guard let e = e as? ParseError else { return false }
            return e.line == 3 && e.message.contains("unknown node 'zz'")
        }
    }
}
