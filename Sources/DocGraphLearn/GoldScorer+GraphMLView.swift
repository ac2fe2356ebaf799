import DocGraphModel

extension GoldScorer {
    /// `graph` as the GraphML writer (`DocGraphGraphML.GraphMLWriter`) writes it and kgscore.py
    /// reads it back: documents by id, then entities by node, then relation ends that are neither,
    /// as nodes `n1…`; relations in ``KnowledgeGraph/sortedRelations`` order as edges.
    ///
    /// Scoring depends on this order (the first node to match a gold entity takes it), so it is
    /// the writer's, step for step; so are the values: empty data is left out (nil here), and
    /// characters XML 1.0 cannot carry become U+FFFD as the writer writes them.
    public static func nodesAndEdges(of graph: KnowledgeGraph) -> (nodes: [Node], edges: [Edge]) {
        var nodes: [Node] = []
        var ids: [Subject: String] = [:]
        func add(_ subject: Subject, type: String, label: String?, aliases: String?) {
            let id = "n\(nodes.count + 1)"
            ids[subject] = id
            nodes.append(Node(id: id, type: written(type), label: written(label), aliases: written(aliases)))
        }
        for d in graph.sortedDocuments {
            add(.iri(d.iri), type: "Document", label: d.title ?? d.id, aliases: nil)
        }
        for e in graph.sortedEntities {
            add(e.node, type: e.type.displayName, label: e.label, aliases: e.aliases.sorted().joined(separator: "|"))
        }
        for node in graph.danglingNodes {
            add(node, type: "Resource", label: KnowledgeGraph.fallbackLabel(node), aliases: nil)
        }
        var edges: [Edge] = []
        for r in graph.sortedRelations {
            guard let s = ids[r.subject], let o = ids[r.object] else { continue }
            edges.append(Edge(source: s, target: o, relation: written(r.predicate.displayName)))
        }
        return (nodes, edges)
    }

    /// A data value as a GraphML reader gets it back: nil when the writer leaves it out (empty),
    /// characters XML cannot carry replaced.
    static func written(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard value.unicodeScalars.contains(where: { !isXMLCharacter($0.value) }) else { return value }
        var out = String.UnicodeScalarView()
        for u in value.unicodeScalars { out.append(isXMLCharacter(u.value) ? u : "\u{FFFD}") }
        return String(out)
    }

    /// XML 1.0's `Char` production (without the surrogates, which no scalar is).
    static func isXMLCharacter(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
    }
}
