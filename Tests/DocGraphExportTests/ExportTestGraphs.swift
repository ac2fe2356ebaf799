import DocGraphModel
@testable import DocGraphExport

/// Small graphs the export tests share.
enum ExportTestGraphs {
    /// A document, three entities of two classes, a relation with a role and one without, and
    /// a relation to a node that is no entity of the graph.
    static func small() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let org = DG.term("Organization")
        g.add(Document(id: "d1", title: "某市人大常委会工作报告", date: "2025-01-11", checksum: "00ff"))
        let a = Entity(type: org, label: "某市人大常委会", aliases: ["市人大常委会"], documents: ["d1"])
        let b = Entity(type: org, label: "某市委", aliases: ["市委"], documents: ["d1"])
        let p = Entity(type: DG.term("Person"), label: "张三", documents: ["d1"])
        g.add(a); g.add(b); g.add(p)
        let ev = Provenance(document: "d1", sentence: "在市委的领导下，常委会依法履职。", sentenceStart: 10, sentenceEnd: 26,
                            subjectStart: 11, subjectEnd: 13, rule: "leads.zai-lingdao-xia")
        g.add(Relation(subject: b.node, predicate: DG.term("leads"), object: a.node, confidence: 0.85, provenance: [ev]))
        g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: b.node, role: "市委书记", confidence: 0.9))
        g.add(Relation(subject: a.node, predicate: DG.term("partOf"),
                       object: .iri(IRI(unchecked: "https://example.org/elsewhere"))))
        return g
    }

    /// Strings that break naive escaping.
    static let hostile = [
        "it's \"quoted\" and \\back\\slashed\\",
        "line one\nline two\r\nand\ta tab",
        "literally \\u0000 and \\n, not controls",
        "'}] AS row MERGE (x:Pwned) //",
        "; , | [a, b] {k: 'v'} `tick`",
        "ends with a backslash \\",
        "emoji 😀 and 𠀀",
    ]

    /// One person per hostile string, holding a post in an organization, the string also as role and evidence.
    static func hostileGraph(evidenceLength: Int = 0) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for (i, s) in hostile.enumerated() {
            let p = Entity(type: DG.term("Person"), label: s + " \(i)", aliases: [s + ";alias", "别名,\(i)"], documents: ["d"])
            let o = Entity(type: DG.term("Organization"), label: "机构\(i)", documents: ["d"])
            g.add(p); g.add(o)
            let sentence = s + String(repeating: "很长的证据\"'\\\n", count: evidenceLength)
            g.add(Relation(subject: p.node, predicate: DG.term("holdsPosition"), object: o.node, role: s, confidence: 0.5,
                           provenance: [Provenance(document: "d", sentence: sentence, sentenceStart: 0, sentenceEnd: 1, rule: "r")]))
        }
        return g
    }
}
