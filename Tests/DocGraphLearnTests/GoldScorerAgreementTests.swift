import Foundation
import Testing
import DocGraphGraphML
import DocGraphLearn
import DocGraphModel

/// The port agrees with the reference: a graph with every awkward case the GraphML round trip
/// has (labels with characters XML cannot carry, carriage returns, `|` inside an alias, an empty
/// label, documents, dangling relation ends, unscored classes and predicates) is written by the
/// GraphML writer, scored by kgscore.py, and must score the same, to the last bit and item.
struct GoldScorerAgreementTests {
    static let kgscore = GoldAnnotationTests.root.appendingPathComponent("Tests/Fixtures/tools/kgscore.py").path

    static let goldJSON = """
    {"author": "npcsc", "genre": "legislation",
     "entities": [
      {"id": "npcsc", "type": "Organization", "name": "岚溪市人大常委会", "aliases": ["市人大常委会", "常委会"]},
      {"id": "cpc", "type": "Organization", "name": "岚溪市委", "aliases": ["市委", "a"]},
      {"id": "gov", "type": "Organization", "name": "岚溪市人民政府", "aliases": ["市政府"]},
      {"id": "police", "type": "Organization", "name": "岚溪市公安局", "aliases": []},
      {"id": "group", "type": "Organization", "name": "岚溪市人大常委会执法检查组", "aliases": [], "optional": true},
      {"id": "reg", "type": "Regulation", "name": "岚溪市湿地保护条例", "aliases": []},
      {"id": "reg2", "type": "Regulation", "name": "岚溪市养犬管理规定", "aliases": []},
      {"id": "chen", "type": "Person", "name": "陈岚", "aliases": []},
      {"id": "abc", "type": "Program", "name": "ABC行动", "aliases": []},
      {"id": "place", "type": "Location", "name": "岚溪", "aliases": [], "optional": true}
     ],
     "relations": [
      {"subject": ["npcsc", "group"], "predicate": "inspected", "object": "reg"},
      {"subject": "npcsc", "predicate": "enacted", "object": "reg2"},
      {"subject": "cpc", "predicate": "leads", "object": "npcsc"},
      {"subject": "npcsc", "predicate": "collaboratedWith", "object": "gov"},
      {"subject": "chen", "predicate": "holdsPosition", "object": "npcsc", "role": "主任"},
      {"subject": "npcsc", "predicate": "oversees", "object": "police", "optional": true},
      {"subject": "gov", "predicate": "organized", "object": "abc"}
     ]}
    """

    static func awkwardGraph() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        func entity(_ type: String, _ label: String, _ aliases: Set<String> = []) -> Subject {
            let e = Entity(type: DG.term(type), label: label, aliases: aliases, documents: ["lanxi"])
            g.add(e)
            return e.node
        }
        func relate(_ s: Subject, _ p: String, _ o: Subject, role: String? = nil) {
            g.add(Relation(subject: s, predicate: DG.term(p), object: o, role: role))
        }
        g.add(Document(id: "lanxi", checksum: "0"))
        g.add(Document(id: "lanxi-2", title: "岚溪市人大常委会工作报告", checksum: "1"))
        let npcsc = entity("Organization", "岚溪市人大常委会", ["常委会"])
        let cpc = entity("Organization", "岚溪市委", ["b|a"])               // `|` inside an alias splits it
        let cpc2 = entity("Organization", "中共岚溪市委", ["市委"])          // one body in two nodes
        let gov = entity("Organization", "岚溪\u{1}市人民政府", ["市 政府"])  // U+0001 is written as U+FFFD
        let police = entity("Organization", "\r岚溪市公安局\r")               // carriage returns round-trip
        let nameless = entity("Organization", "", ["某局"])                 // no label: kgscore says None
        let reg = entity("Regulation", "《岚溪市湿地保护条例》")
        let chen = entity("Person", "陈岚")
        let abc = entity("Program", "“ＡＢＣ行动”")
        let place = entity("Location", "岚溪")
        let document = Subject.iri(Document.iri(forID: "lanxi-2"))
        let dangling = Subject.iri(IRI(unchecked: "https://example.org/elsewhere/ministry"))
        relate(npcsc, "inspected", reg)
        relate(document, "enacted", reg)
        relate(cpc, "leads", npcsc)
        relate(cpc2, "leads", npcsc)
        relate(gov, "collaboratedWith", npcsc)
        relate(chen, "holdsPosition", npcsc, role: "主任")
        relate(chen, "holdsPosition", npcsc, role: "党组书记")
        relate(npcsc, "oversees", police)
        relate(npcsc, "oversees", dangling)
        relate(nameless, "reportsTo", gov)
        relate(gov, "organized", abc)
        relate(npcsc, "mentions", place)
        relate(police, "partOf", gov)
        return g
    }

    /// kgscore.py's `--json` result, decoded with JSONDecoder (JSONSerialization reads some
    /// doubles one bit off, and this compares to the last bit).
    struct Reference: Decodable {
        struct Counts: Decodable, Equatable {
            var p, r, f1: Double
            var tp, fp, fn: Int
        }
        var entities: [String: Counts]
        var relations: [String: Counts]
        var fn_entities, fp_entities, dup_entities, fn_relations, fp_relations: [String]

        var lists: [String: [String]] {
            ["fn_entities": fn_entities, "fp_entities": fp_entities, "dup_entities": dup_entities,
             "fn_relations": fn_relations, "fp_relations": fp_relations]
        }
    }

    /// kgscore.py's result for `graph` (written by the GraphML writer) against the gold above.
    static func reference(_ graph: KnowledgeGraph) throws -> Reference {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agreement-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gold = dir.appendingPathComponent("gold.json"), graphml = dir.appendingPathComponent("graph.graphml")
        try Data(goldJSON.utf8).write(to: gold)
        try GraphMLWriter.write(graph, to: graphml.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", kgscore, "--gold", gold.path, "--graphml", graphml.path, "--json"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    static func counts(_ byKey: [String: ScoreCounts], all: ScoreCounts) -> [String: Reference.Counts] {
        var out = byKey
        out["all"] = all
        return out.mapValues { c in Reference.Counts(p: c.precision, r: c.recall, f1: c.f1, tp: c.tp, fp: c.fp, fn: c.fn) }
    }

    @Test func theAwkwardGraphScoresAsKgscoreScoresItsGraphML() throws {
        let graph = Self.awkwardGraph()
        let expected = try Self.reference(graph)
        let s = GoldScorer.score(graph, against: try GoldAnnotation.parse(Array(Self.goldJSON.utf8), path: "gold.json"))
        #expect(Self.counts(s.entities, all: s.allEntities) == expected.entities)
        #expect(Self.counts(s.relations, all: s.allRelations) == expected.relations)
        for (name, items) in s.namedErrorLists {
            #expect(items == expected.lists[name], "\(name)")
        }
        // The case is only worth its name if every list has something in it.
        #expect(s.namedErrorLists.allSatisfy { !$0.items.isEmpty })
        #expect(s.falsePositiveEntities.contains("Organization:None"))
    }
}
