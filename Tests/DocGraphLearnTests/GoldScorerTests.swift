import Testing
import DocGraphLearn
import DocGraphModel

/// The scorer's rules, case by case, on graphs small enough to count by hand.
struct GoldScorerTests {
    typealias Node = GoldScorer.Node
    typealias Edge = GoldScorer.Edge

    static func org(_ id: String, _ name: String, _ aliases: [String] = [], optional: Bool = false) -> GoldAnnotation.Entity {
        GoldAnnotation.Entity(id: id, type: "Organization", name: name, aliases: aliases, optional: optional)
    }

    static func node(_ id: String, _ label: String, _ type: String = "Organization", aliases: [String] = []) -> Node {
        Node(id: id, type: type, label: label, aliases: aliases.isEmpty ? nil : aliases.joined(separator: "|"))
    }

    static let lanxi = [
        org("npcsc", "岚溪市人大常委会", ["市人大常委会"]),
        org("cpc", "岚溪市委", ["市委"]),
        org("gov", "岚溪市人民政府", ["市政府"]),
        org("group", "岚溪市人大常委会执法检查组", optional: true),
        GoldAnnotation.Entity(id: "reg", type: "Regulation", name: "岚溪市湿地保护条例"),
    ]

    @Test func anEntityMatchesByClassAndAnySurfaceFormAfterNormalising() {
        let gold = GoldAnnotation(entities: Self.lanxi + [GoldAnnotation.Entity(id: "p", type: "Program", name: "ＡＢＣ行动")], relations: [])
        let nodes = [
            Self.node("n1", "市人大常委会"),                                      // an alias
            Self.node("n2", "中共岚溪市委员会", aliases: ["岚溪市 委"]),           // white space is ignored
            Self.node("n3", "《岚溪市湿地保护条例》", "Regulation"),               // so are title brackets
            Self.node("n4", "“ABC行动”", "Program"),                              // NFKC: full-width letters
            Self.node("n5", "岚溪市人民政府", "Person"),                          // the wrong class
        ]
        let s = GoldScorer.score(nodes: nodes, edges: [], against: gold)
        #expect(s.entities["Organization"] == ScoreCounts(tp: 2, fp: 0, fn: 1))
        #expect(s.entities["Regulation"] == ScoreCounts(tp: 1, fp: 0, fn: 0))
        #expect(s.entities["Program"] == ScoreCounts(tp: 1, fp: 0, fn: 0))
        #expect(s.entities["Person"] == ScoreCounts(tp: 0, fp: 1, fn: 0))
        #expect(s.allEntities == ScoreCounts(tp: 4, fp: 1, fn: 1))
        #expect(s.falsePositiveEntities == ["Person:岚溪市人民政府"])
        #expect(s.falseNegativeEntities == ["Organization:岚溪市人民政府"])
        #expect(GoldScorer.normalized("「岚溪」\u{3000}１２ｋｍ") == "岚溪12km")
    }

    @Test func optionalItemsAreNeitherRewardedNorPenalised() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [
            GoldAnnotation.Relation(subject: ["npcsc"], predicate: "enacted", object: ["reg"], optional: true),
            GoldAnnotation.Relation(subject: ["group"], predicate: "partOf", object: ["npcsc"], optional: true),
        ])
        let nodes = [Self.node("n1", "岚溪市人大常委会"), Self.node("n2", "执法检查组", aliases: ["岚溪市人大常委会执法检查组"]),
                     Self.node("n3", "岚溪市湿地保护条例", "Regulation")]
        let s = GoldScorer.score(nodes: nodes, edges: [Edge(source: "n1", target: "n3", relation: "enacted")], against: gold)
        // The optional body matched: no tp, no fp. The optional relations: found or not, not counted.
        #expect(s.allEntities == ScoreCounts(tp: 2, fp: 0, fn: 2))
        #expect(s.allRelations == ScoreCounts())
        #expect(s.relations.isEmpty)
    }

    @Test func aRelationEndMayBeAnyOfItsAlternatives() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [
            GoldAnnotation.Relation(subject: ["npcsc", "group"], predicate: "inspected", object: ["reg"]),
            GoldAnnotation.Relation(subject: ["gov", "cpc"], predicate: "enacted", object: ["reg"]),
        ])
        let nodes = [Self.node("n1", "岚溪市人大常委会执法检查组"), Self.node("n2", "岚溪市湿地保护条例", "Regulation")]
        let s = GoldScorer.score(nodes: nodes, edges: [Edge(source: "n1", target: "n2", relation: "inspected")], against: gold)
        #expect(s.relations["inspected"] == ScoreCounts(tp: 1, fp: 0, fn: 0))
        #expect(s.relations["enacted"] == ScoreCounts(tp: 0, fp: 0, fn: 1))
        // Alternatives are named sorted by id and joined by |, as kgscore names them.
        #expect(s.falseNegativeRelations == ["岚溪市委|岚溪市人民政府 -enacted-> 岚溪市湿地保护条例"])
    }

    @Test func collaborationHoldsBothWaysAndOtherRelationsOneWay() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [
            GoldAnnotation.Relation(subject: ["npcsc"], predicate: "collaboratedWith", object: ["gov"]),
            GoldAnnotation.Relation(subject: ["npcsc"], predicate: "oversees", object: ["gov"]),
        ])
        let nodes = [Self.node("n1", "岚溪市人大常委会"), Self.node("n2", "岚溪市人民政府")]
        let edges = [Edge(source: "n2", target: "n1", relation: "collaboratedWith"), Edge(source: "n2", target: "n1", relation: "oversees")]
        let s = GoldScorer.score(nodes: nodes, edges: edges, against: gold)
        #expect(s.relations["collaboratedWith"] == ScoreCounts(tp: 1, fp: 0, fn: 0))
        #expect(s.relations["oversees"] == ScoreCounts(tp: 0, fp: 1, fn: 1))
        #expect(s.falsePositiveRelations == ["岚溪市人民政府 -oversees-> 岚溪市人大常委会"])
    }

    @Test func aSplitEntityCountsItsSecondNodeAsADuplicate() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [
            GoldAnnotation.Relation(subject: ["cpc"], predicate: "leads", object: ["npcsc"]),
        ])
        // One body in two nodes; both have an edge that states the same fact.
        let nodes = [Self.node("n1", "岚溪市委"), Self.node("n2", "中共岚溪市委", aliases: ["市委"]), Self.node("n3", "岚溪市人大常委会")]
        let edges = [Edge(source: "n1", target: "n3", relation: "leads"), Edge(source: "n2", target: "n3", relation: "leads")]
        let s = GoldScorer.score(nodes: nodes, edges: edges, against: gold)
        #expect(s.entities["Organization"] == ScoreCounts(tp: 2, fp: 1, fn: 1))
        #expect(s.duplicateEntities == ["Organization:中共岚溪市委"])
        #expect(s.falsePositiveEntities.isEmpty)
        // The fact is found twice and counted once, never as a false positive.
        #expect(s.relations["leads"] == ScoreCounts(tp: 1, fp: 0, fn: 0))
    }

    @Test func onlyScoredPredicatesAndClassesCount() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [])
        let nodes = [Self.node("n1", "岚溪市人大常委会"), Self.node("n2", "岚溪", "Location"), Self.node("n3", "岚溪市委")]
        let edges = [Edge(source: "n1", target: "n2", relation: "relatedTo"), Edge(source: "n1", target: "n3", relation: nil)]
        let s = GoldScorer.score(nodes: nodes, edges: edges, against: gold)
        #expect(s.allEntities == ScoreCounts(tp: 2, fp: 0, fn: 2))
        #expect(s.allRelations == ScoreCounts())
    }

    /// Nodes are seen as the GraphML writer writes them, entities sorted by their node: of two
    /// entities that resolve to one gold entity, the first in that order takes it.
    @Test func aGraphIsSeenInTheGraphMLWritersOrder() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [])
        var g = KnowledgeGraph()
        let a = Entity(type: DG.term("Organization"), label: "岚溪市委", aliases: ["市委"])
        let b = Entity(type: DG.term("Organization"), label: "中共岚溪市委", aliases: ["市委"])
        g.add(b)
        g.add(a)
        g.add(Document(id: "lanxi", title: "岚溪市委", checksum: ""))
        let (nodes, _) = GoldScorer.nodesAndEdges(of: g)
        #expect(nodes.map(\.id) == ["n1", "n2", "n3"])
        #expect(nodes[0].type == "Document")
        let (first, second) = a.node < b.node ? (a, b) : (b, a)
        #expect(nodes[1].label == first.label && nodes[2].label == second.label)
        let s = GoldScorer.score(g, against: gold)
        #expect(s.duplicateEntities == ["Organization:\(second.label)"])
    }

    @Test func scoresOfManyDocumentsAreMicroAveraged() {
        let gold = GoldAnnotation(entities: Self.lanxi, relations: [
            GoldAnnotation.Relation(subject: ["cpc"], predicate: "leads", object: ["npcsc"]),
        ])
        let one = GoldScorer.score(nodes: [Self.node("n1", "岚溪市委"), Self.node("n2", "岚溪市人大常委会")],
                                   edges: [Edge(source: "n1", target: "n2", relation: "leads")], against: gold)
        let two = GoldScorer.score(nodes: [Self.node("n1", "岚溪市委"), Self.node("n2", "岚溪市公安局")],
                                   edges: [Edge(source: "n1", target: "n2", relation: "oversees")], against: gold)
        let total = GoldScore(summing: [one, two])
        #expect(total.entities["Organization"] == ScoreCounts(tp: 3, fp: 1, fn: 3))
        #expect(total.allEntities == ScoreCounts(tp: 3, fp: 1, fn: 5))
        #expect(total.relations["leads"] == ScoreCounts(tp: 1, fp: 0, fn: 1))
        #expect(total.relations["oversees"] == ScoreCounts(tp: 0, fp: 1, fn: 0))
        #expect(total.allRelations == ScoreCounts(tp: 1, fp: 1, fn: 1))
        #expect(total.predicateOrder == ["oversees", "leads"])
        // Micro, not macro: from the summed counts, P 3/4 and R 3/8.
        #expect(total.allEntities.f1 == 0.5)
        #expect(total.falsePositiveEntities == ["Organization:岚溪市公安局"])
    }
}
