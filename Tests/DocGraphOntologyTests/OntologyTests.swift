import Foundation
import Testing
import DocGraphModel
@testable import DocGraphOntology

struct OntologyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Ontology").path

    static func load() throws -> Ontology { try Ontology.load(path: folder + "/docgraph.owl") }

    @Test func declaresEveryScoredClassAndProperty() throws {
        let o = try Self.load()
        for c in ["Organization", "Regulation", "Person", "Program", "Location", "Event", "Document"] {
            #expect(o.class(named: c) != nil, "class \(c)")
            #expect(o.class(named: c)?.labels["zh-Hans"] != nil && o.class(named: c)?.labels["en"] != nil)
        }
        for p in ["enacted", "amended", "inspected", "organized", "participatedIn", "holdsPosition",
                  "collaboratedWith", "oversees", "reportsTo", "leads", "partOf", "mentions"] {
            #expect(o.property(named: p) != nil, "property \(p)")
        }
        #expect(o.property(named: "collaboratedWith")?.isSymmetric == true)
        #expect(o.property(named: "enacted")?.isSymmetric == false)
        #expect(o.property(named: "enacted")?.domain == DG.term("Organization"))
        #expect(o.property(named: "enacted")?.range == DG.term("Regulation"))
        #expect(o.class(named: "Person")?.superclasses.contains(IRI(unchecked: "http://xmlns.com/foaf/0.1/Person")) == true)
    }

    @Test func validatorReportsUndeclaredTermsAndWrongDomains() throws {
        let o = try Self.load()
        var g = KnowledgeGraph()
        let reg = Entity(type: DG.term("Regulation"), label: "《某条例》")
        let org = Entity(type: DG.term("Organization"), label: "某局")
        let odd = Entity(type: DG.term("Spaceship"), label: "X")
        g.add(reg); g.add(org); g.add(odd)
        g.add(Relation(subject: reg.node, predicate: DG.term("enacted"), object: org.node))
        g.add(Relation(subject: org.node, predicate: DG.term("launched"), object: odd.node))
        let issues = OntologyValidator(ontology: o).validate(graph: g)
        #expect(issues.contains { $0.severity == .error && $0.message.contains("Spaceship") })
        #expect(issues.contains { $0.severity == .error && $0.message.contains("launched") })
        #expect(issues.contains { $0.severity == .warning && $0.message.contains("the domain is Organization") })
    }

    @Test func aNewPropertyInTheOWLFileIsDeclaredWithoutCodeChanges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onto-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var owl = try String(contentsOfFile: Self.folder + "/docgraph.owl", encoding: .utf8)
        owl = owl.replacingOccurrences(of: "</rdf:RDF>", with: """
          <owl:ObjectProperty rdf:about="#funded"><rdfs:label xml:lang="en">funded</rdfs:label></owl:ObjectProperty>
        </rdf:RDF>
        """)
        try owl.write(to: dir.appendingPathComponent("docgraph.owl"), atomically: true, encoding: .utf8)
        let o = try Ontology.load(path: dir.appendingPathComponent("docgraph.owl").path)
        #expect(o.property(named: "funded")?.kind == .object)
    }
}
