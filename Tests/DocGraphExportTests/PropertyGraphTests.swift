import DocGraphModel
import Testing
@testable import DocGraphExport

struct PropertyGraphTests {
    @Test func nodesAreGroupedByLabelAndAnEndOutsideTheGraphIsAResource() {
        let view = PropertyGraph(ExportTestGraphs.small())
        #expect(view.nodeGroups.map(\.label) == ["Document", "Organization", "Person", "Resource"])
        #expect(view.nodeGroups.map(\.nodes.count) == [1, 2, 1, 1])
        #expect(view.nodeGroups[3].nodes[0].iri == "https://example.org/elsewhere")
        #expect(view.nodeGroups[3].nodes[0].name == "elsewhere")
        #expect(view.nodeGroups[0].hasDocuments && !view.nodeGroups[1].hasDocuments)
    }

    @Test func edgesAreGroupedByTypeAndEndLabels() {
        let view = PropertyGraph(ExportTestGraphs.small())
        #expect(view.edgeGroups.map { "\($0.startLabel)-\($0.type)->\($0.endLabel)" }
                == ["Person-HOLDS_POSITION->Organization", "Organization-LEADS->Organization", "Organization-PART_OF->Resource"])
        var edges: [PropertyGraph.Edge] = []
        view.edgeGroups[0].forEachEdge { edges.append($0) }
        #expect(edges.first?.role == "市委书记")
        #expect(edges.first?.iri.hasPrefix(DG.resourceBase + "statement/") == true)
    }

    @Test func anEdgeListsEachSentenceOnceAndItsDocumentsSorted() {
        let s = Subject.iri(IRI(unchecked: "https://example.org/s")), o = Subject.iri(IRI(unchecked: "https://example.org/o"))
        let ev = { (doc: String, rule: String) in
            Provenance(document: doc, sentence: "同一句话。", sentenceStart: 0, sentenceEnd: 5, rule: rule)
        }
        let r = Relation(subject: s, predicate: DG.term("leads"), object: o,
                         provenance: [ev("b", "r1"), ev("a", "r1"), ev("a", "r2")])
        let e = PropertyGraph.edge(r)
        #expect(e.evidence == ["同一句话。"])
        #expect(e.documents == ["a", "b"])
    }

    @Test(arguments: [("Organization", "Organization"), ("a-b c", "a_b_c"), ("1st", "_1st"), ("", "Resource"), ("机构", "机构")])
    func labelsAreIdentifiersEveryEngineTakes(name: String, expected: String) {
        #expect(PropertyGraph.identifier(name) == expected)
    }
}
