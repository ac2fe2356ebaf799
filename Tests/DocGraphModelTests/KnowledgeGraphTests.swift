import Testing
@testable import DocGraphModel

struct KnowledgeGraphTests {
    let org = DG.term("Organization")
    let reg = DG.term("Regulation")

    func provenance(_ start: Int, rule: String = "r1") -> Provenance {
        Provenance(document: "d1", sentence: "制定《某条例》", sentenceStart: start, sentenceEnd: start + 7,
                   objectStart: start + 2, objectEnd: start + 7, rule: rule)
    }

    @Test func entityIRIsDependOnlyOnClassAndName() {
        let a = Entity(type: org, label: "某市人大常委会")
        let b = Entity(type: org, label: "某市人大常委会", aliases: ["市人大常委会"])
        #expect(a.node == b.node)
        #expect(a.node != Entity(type: reg, label: "某市人大常委会").node)
        #expect(IRIMinting.entity(type: org, name: "a b<c>").string.hasSuffix("/organization/a%20b%3Cc%3E"))
    }

    @Test func addingTheSameEntityTwiceMergesAliasesAndDocuments() {
        var g = KnowledgeGraph()
        g.add(Entity(type: org, label: "某市委", aliases: ["市委"], documents: ["d1"]))
        g.add(Entity(type: org, label: "某市委", aliases: ["中共某市委"], documents: ["d2"]))
        #expect(g.entities.count == 1)
        let e = g.sortedEntities[0]
        #expect(e.aliases == ["市委", "中共某市委"])
        #expect(e.documents == ["d1", "d2"])
    }

    @Test func repeatedEvidenceJoinsOneEdge() {
        var g = KnowledgeGraph()
        let s = Entity(type: org, label: "甲"), o = Entity(type: reg, label: "《乙条例》")
        g.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.6, provenance: [provenance(0)]))
        g.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.9, provenance: [provenance(40)]))
        g.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.5, provenance: [provenance(0)]))
        #expect(g.relations.count == 1)
        #expect(g.sortedRelations[0].provenance.count == 2)
        #expect(g.sortedRelations[0].confidence == 0.9)
    }

    @Test func aSentenceStatingAFactTwiceIsOnePieceOfEvidencePerRule() {
        func mention(_ at: Int, _ rule: String) -> Provenance {
            Provenance(document: "d", sentence: String(repeating: "甲制定乙", count: 3), sentenceStart: 0, sentenceEnd: 12,
                       subjectStart: at, subjectEnd: at + 1, objectStart: at + 3, objectEnd: at + 4, rule: rule)
        }
        let s = Entity(type: org, label: "甲"), o = Entity(type: reg, label: "《乙条例》")
        let evidence = [mention(8, "enacted.cue"), mention(0, "enacted.cue"), mention(4, "enacted.cue"), mention(4, "enacted.other")]
        var forward = Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, provenance: [])
        var backward = forward
        for p in evidence { forward.absorb(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, provenance: [p])) }
        for p in evidence.reversed() { backward.absorb(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, provenance: [p])) }
        // The first mention for each rule, whatever order they came in.
        #expect(forward.provenance == [mention(0, "enacted.cue"), mention(4, "enacted.other")])
        #expect(backward.provenance == forward.provenance)
    }

    @Test func shardsStatingTwoConfidencesReadAsTheHigher() {
        var a = KnowledgeGraph(), b = KnowledgeGraph()
        let s = Entity(type: org, label: "甲", documents: ["d1"]), o = Entity(type: reg, label: "《乙条例》", documents: ["d1"])
        a.add(s); a.add(o); b.add(s); b.add(o)
        a.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.6, provenance: [provenance(0)]))
        b.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.9, provenance: [provenance(40)]))
        var triples: [Triple] = []
        a.forEachTriple { triples.append($0) }
        b.forEachTriple { triples.append($0) }
        var merged = a
        merged.merge(b)
        #expect(KnowledgeGraph(triples: triples).sortedRelations[0].confidence == 0.9)
        #expect(KnowledgeGraph(triples: triples) == KnowledgeGraph(triples: merged.triples))
    }

    @Test func removingADocumentTakesOutWhatOnlyItSupported() {
        var g = KnowledgeGraph()
        let s = Entity(type: org, label: "甲", documents: ["d1", "d2"]), o = Entity(type: reg, label: "《乙条例》", documents: ["d1"])
        g.add(s); g.add(o)
        g.add(Document(id: "d1", checksum: "x"))
        g.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, provenance: [provenance(0)]))
        g.removeDocument("d1")
        #expect(g.documents.isEmpty)
        #expect(g.relations.isEmpty)
        #expect(g.sortedEntities.map(\.label) == ["甲"])
        #expect(g.sortedEntities[0].documents == ["d2"])
    }

    @Test func mergeOfTwoGraphsUnifiesTheSameEntity() {
        var a = KnowledgeGraph(), b = KnowledgeGraph()
        a.add(Entity(type: org, label: "某市委", documents: ["d1"]))
        b.add(Entity(type: org, label: "某市委", documents: ["d2"]))
        b.add(Entity(type: org, label: "另一市委", documents: ["d2"]))
        a.merge(b)
        #expect(a.entities.count == 2)
        #expect(a.entities[Entity(type: org, label: "某市委").node]?.documents == ["d1", "d2"])
    }

    @Test func triplesGiveBackTheSameGraph() {
        var g = KnowledgeGraph()
        g.add(Document(id: "d1", title: "标题", date: "2025-01-11", checksum: "ab"))
        let s = Entity(type: org, label: "甲", aliases: ["甲会"], documents: ["d1"])
        let p = Entity(type: DG.term("Person"), label: "张三", documents: ["d1"])
        let o = Entity(type: reg, label: "《乙条例》", documents: ["d1"])
        g.add(s); g.add(p); g.add(o)
        g.add(Relation(subject: s.node, predicate: DG.term("enacted"), object: o.node, confidence: 0.9,
                       provenance: [provenance(0), provenance(30, rule: "r2")]))
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: s.node, role: "主任",
                       confidence: 0.75, provenance: [provenance(3)]))
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: s.node, role: "党组书记"))
        let back = KnowledgeGraph(triples: g.triples)
        #expect(back == g)
    }

    /// A person holding two posts in one body is two statements of one fact: the plain triple
    /// `s p o` is written once, and no triple of the graph twice.
    @Test func aFactInTwoRolesWritesItsPlainTripleOnce() {
        var g = KnowledgeGraph()
        let p = Entity(type: DG.term("Person"), label: "张三", documents: ["d1"]), s = Entity(type: org, label: "甲", documents: ["d1"])
        g.add(Document(id: "d1", checksum: "x")); g.add(p); g.add(s)
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: s.node, role: "主任", provenance: [provenance(0)]))
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: s.node, role: "党组书记", provenance: [provenance(0)]))
        let triples = g.triples
        #expect(triples.filter { $0 == Triple(p.node, DG.term("holdsPosition"), s.node.term) }.count == 1)
        #expect(Set(triples).count == triples.count)
        #expect(KnowledgeGraph(triples: triples) == g)
    }

    @Test func aLiteralCannotBeASubject() {
        #expect(Term.literal(Literal("x")).subject == nil)
        #expect(IRI("no scheme") == nil)
        #expect(IRI("urn:x") != nil)
    }
}
