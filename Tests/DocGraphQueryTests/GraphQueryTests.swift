import DocGraphModel
import Testing
@testable import DocGraphQuery

/// The friendly queries on a small graph of an invented city.
struct GraphQueryTests {
    static let graph: KnowledgeGraph = {
        var g = KnowledgeGraph()
        let org = DG.term("Organization"), reg = DG.term("Regulation"), per = DG.term("Person")
        let congress = Entity(type: org, label: "杭州市人大常委会", aliases: ["市人大常委会"], documents: ["d1"])
        let party = Entity(type: org, label: "杭州市委", aliases: ["中共杭州市委", "市委"], documents: ["d1"])
        let law = Entity(type: reg, label: "《杭州市河道管理条例》", documents: ["d1"])
        let person = Entity(type: per, label: "王明", documents: ["d1"])
        for e in [congress, party, law, person] { g.add(e) }
        g.add(Document(id: "d1", title: "杭州市人大常委会工作报告", checksum: "x"))
        func p(_ s: Int, _ rule: String) -> Provenance {
            Provenance(document: "d1", sentence: "句子\(s)", sentenceStart: s, sentenceEnd: s + 3, rule: rule)
        }
        var onPage = p(10, "enacted.cue-before")
        onPage.page = 2
        g.add(Relation(subject: congress.node, predicate: DG.term("enacted"), object: law.node, confidence: 0.9, provenance: [onPage]))
        g.add(Relation(subject: party.node, predicate: DG.term("leads"), object: congress.node, confidence: 0.9, provenance: [p(0, "leads.under-leadership")]))
        g.add(Relation(subject: person.node, predicate: DG.term("holdsPosition"), object: party.node, role: "市委书记", confidence: 0.85,
                       provenance: [p(20, "holdsPosition.post-title")]))
        return g
    }()
    let q = GraphQuery(graph)

    @Test func namesMatchLabelsAndAliases() throws {
        #expect(try q.resolve("市委") == q.resolve("杭州市委"))
        #expect(try q.resolve("中共杭州市委").count == 1)
    }

    @Test func anUnknownNameSuggestsTheNearestLabels() {
        #expect(throws: GraphQuery.NoMatch.self) { try q.resolve("杭州市政府") }
        do {
            _ = try q.resolve("杭州人大常委会")
        } catch {
            #expect(error.suggestions.first == "杭州市人大常委会")
            #expect(error.description.hasPrefix("no entity is called '杭州人大常委会'; did you mean '杭州市人大常委会'"))
        }
    }

    @Test func relationsFilterAndShowTheirEvidence() throws {
        let t = try q.relations(subject: "市人大常委会", predicate: "enacted", evidence: true)
        #expect(t.textRows == [["杭州市人大常委会", "enacted", "《杭州市河道管理条例》", "", "0.9", "d1", "2", "10", "13", "句子10", "enacted.cue-before"]])
        #expect(t.render(.tsv).hasPrefix("subject\tpredicate\tobject\trole\tconfidence\tdocument\tpage\tstart\tend\tsentence\trule\n"))
        #expect(try q.relations(subject: "市人大常委会", predicate: "enacted").textRows == [["杭州市人大常委会", "enacted", "《杭州市河道管理条例》", "", "0.9", "1"]])
        // An empty answer has the same header.
        #expect(try q.relations(predicate: "amended", evidence: true).render(.tsv)
                == "subject\tpredicate\tobject\trole\tconfidence\tdocument\tpage\tstart\tend\tsentence\trule\n")
        #expect(try q.relations(predicate: "dg:leads").rows.count == 1)
        #expect(try q.relations(object: "杭州市委").rows.map { $0[0] } == ["王明"])
    }

    @Test func neighborsWalkOutwardLevelByLevel() throws {
        let t = try q.neighbors("王明", depth: 3)
        #expect(t.textRows.map { [$0[0], $0[4]] } == [["1", "杭州市委"], ["2", "杭州市人大常委会"], ["3", "《杭州市河道管理条例》"]])
        #expect(try q.neighbors("杭州市委", direction: .out).rows.map { $0[4] } == ["杭州市人大常委会"])
    }

    @Test func pathsGiveEachStepWithItsPredicate() throws {
        let t = try q.paths(from: "王明", to: "《杭州市河道管理条例》")
        #expect(t.rows.map { [$0[2], $0[3], $0[4], $0[5]] } == [
            ["王明", "holdsPosition", "out", "杭州市委"], ["杭州市委", "leads", "out", "杭州市人大常委会"],
            ["杭州市人大常委会", "enacted", "out", "《杭州市河道管理条例》"],
        ])
        #expect(try q.paths(from: "王明", to: "《杭州市河道管理条例》", maxLength: 2).rows.isEmpty)
    }

    @Test func describeShowsNamesDocumentsAndEdges() throws {
        let rows = try q.describe("市委").rows
        #expect(rows.contains(["alias", "中共杭州市委", ""]))
        #expect(rows.contains(["document", "d1", "杭州市人大常委会工作报告"]))
        #expect(rows.contains(["out: leads", "杭州市人大常委会", "confidence 0.9, 1 evidence"]))
        #expect(rows.contains(["in: holdsPosition", "王明", "confidence 0.85, 1 evidence, role 市委书记"]))
    }

    @Test func describeListsTheCandidatesOfAnAmbiguousNameWithTheirDocuments() throws {
        var g = Self.graph
        let org = DG.term("Organization")
        // 市委 of a document that never names its city: its own entity, besides 杭州市委 (alias 市委).
        let committee = Entity(node: .iri(IRIMinting.entity(base: IRIMinting.entityBase(type: org), name: "市委", document: "d2")),
                               type: org, label: "市委", documents: ["d2"])
        g.add(committee)
        g.add(Document(id: "d2", title: "调研工作", checksum: "y"))
        let rows = try GraphQuery(g).describe("市委").rows
        // In IRI order.
        #expect(rows == [
            ["candidate", "市委", "https://w3id.org/docgraph/id/organization/市委/in/d2"],
            ["class", "Organization", "https://w3id.org/docgraph/ontology#Organization"],
            ["document", "d2", "调研工作"],
            ["candidate", "杭州市委", "https://w3id.org/docgraph/id/organization/杭州市委"],
            ["class", "Organization", "https://w3id.org/docgraph/ontology#Organization"],
            ["document", "d1", "杭州市人大常委会工作报告"],
        ])
        #expect(try GraphQuery(g).describe(committee.node.string).rows.first == ["name", "市委", .text(committee.node.string)])
    }

    @Test func tablesAlignChineseByDisplayWidth() {
        let t = ResultTable(columns: ["name", "n"], rows: [["杭州市委", "1"], ["abc", "22"]])
        #expect(t.render(.table) == "name      n\n--------  --\n杭州市委  1\nabc       22\n")
        #expect(t.render(.csv) == "name,n\r\n杭州市委,1\r\nabc,22\r\n")
        #expect(ResultTable(columns: ["a"], rows: [["x,\"y\""]]).render(.csv) == "a\r\n\"x,\"\"y\"\"\"\r\n")
        #expect(ResultTable(columns: ["a"], rows: [["x\ty\n"]]).render(.tsv) == "a\nx\\ty\\n\n")
        #expect(ResultTable(columns: ["a", "b"], rows: [["杭\"州", "\u{1}"]]).render(.json) == "[{\"a\":\"杭\\\"州\",\"b\":\"\\u0001\"}]\n")
    }

    @Test func jsonKeepsNumbersListsAndEvidenceObjects() throws {
        let entities = q.entities(match: "市委").render(.json)
        #expect(entities.contains("\"aliases\":[\"中共杭州市委\",\"市委\"],\"documents\":[\"d1\"]"), "\(entities)")
        let relations = try q.relations(subject: "市人大常委会", predicate: "enacted", evidence: true).render(.json)
        #expect(relations == "[{\"subject\":\"杭州市人大常委会\",\"predicate\":\"enacted\",\"object\":\"《杭州市河道管理条例》\",\"role\":\"\","
                + "\"confidence\":0.9,\"evidence\":[{\"document\":\"d1\",\"page\":2,\"start\":10,\"end\":13,\"sentence\":\"句子10\","
                + "\"rule\":\"enacted.cue-before\"}]}]\n")
        // Without --evidence, the number of pieces; a page a text document does not have is null.
        #expect(try q.relations(predicate: "leads").render(.json).contains("\"confidence\":0.9,\"evidence\":1}"))
        #expect(try q.relations(predicate: "leads", evidence: true).render(.json).contains("\"page\":null"))
        #expect(try q.neighbors("王明").render(.json).hasPrefix("[{\"depth\":1,"))
        #expect(try q.paths(from: "王明", to: "杭州市委").render(.json).hasPrefix("[{\"path\":1,\"step\":1,"))
    }

    @Test func describeInJSONIsOneObjectPerEntity() throws {
        let json = try q.describe("市委").render(.json)
        #expect(json.hasPrefix("[{\"name\":\"杭州市委\",\"iri\":"), "\(json)")
        #expect(json.contains("\"aliases\":[\"中共杭州市委\",\"市委\"]"))
        #expect(json.contains("\"documents\":[{\"id\":\"d1\",\"title\":\"杭州市人大常委会工作报告\"}]"))
        #expect(json.contains("\"out\":[{\"predicate\":\"leads\",\"object\":\"杭州市人大常委会\",\"role\":null,\"confidence\":0.9,\"evidence\":1}]"))
        #expect(json.contains("\"in\":[{\"predicate\":\"holdsPosition\",\"subject\":\"王明\",\"role\":\"市委书记\",\"confidence\":0.85,\"evidence\":1}]"))
    }
}
