import DocGraphModel

/// The property-graph view of a ``KnowledgeGraph`` that every export
/// writes: the nodes and edges GraphML shows, grouped the way a graph
/// database loads them (nodes by label, edges by type and end labels).
///
/// - Nodes: each document (label `Document`), each entity (label = its
///   class's local name) and each relation end that is neither (label
///   `Resource`), with `iri`, `name`, `class`, `aliases` and `documents`;
///   documents also carry their metadata.
/// - Edges: each relation, type `ENACTED`-style, with `iri` (the IRI of
///   its `rdf:Statement`, unique per subject, predicate, object and role:
///   the key that makes a reload merge instead of duplicate), `predicate`,
///   `role`, `confidence`, the `evidence` sentences and their `documents`.
///
/// Groups and their members are sorted, so the same graph always gives
/// the same bytes. Edges are built one at a time as a writer asks for them.
public struct PropertyGraph: Sendable {
    /// A node's properties.
    public struct Node: Sendable, Equatable {
        public var iri: String
        public var name: String
        public var className: String
        public var aliases: [String]
        public var documents: [String]
        /// The metadata, for a node that is a source document.
        public var document: Document?
    }

    /// An edge's properties and ends.
    public struct Edge: Sendable, Equatable {
        public var start: String
        public var end: String
        public var iri: String
        public var predicate: String
        public var role: String?
        public var confidence: Double
        /// The distinct evidence sentences, in the order of the evidence.
        public var evidence: [String]
        public var documents: [String]
    }

    /// The nodes of one label.
    public struct NodeGroup: Sendable {
        public let label: String
        public let nodes: [Node]
        /// Whether any node of the group is a document, whose metadata then needs columns.
        public var hasDocuments: Bool { nodes.contains { $0.document != nil } }
    }

    /// The relations of one type between nodes of two labels.
    public struct EdgeGroup: Sendable {
        public let type: String
        public let startLabel: String
        public let endLabel: String
        let relations: [Relation]
        public var count: Int { relations.count }

        /// Calls `body` with each edge of the group, built when it is needed.
        public func forEachEdge(_ body: (Edge) throws -> Void) rethrows {
            for r in relations { try body(PropertyGraph.edge(r)) }
        }
    }

    public let nodeGroups: [NodeGroup]
    public let edgeGroups: [EdgeGroup]

    public var nodeCount: Int { nodeGroups.reduce(0) { $0 + $1.nodes.count } }
    public var edgeCount: Int { edgeGroups.reduce(0) { $0 + $1.count } }

    /// The relationship types and, for each, every pair of end labels it joins, sorted.
    public var relationshipTypes: [(type: String, pairs: [(start: String, end: String)])] {
        var out: [(type: String, pairs: [(start: String, end: String)])] = []
        for g in edgeGroups {
            if out.last?.type == g.type {
                out[out.count - 1].pairs.append((g.startLabel, g.endLabel))
            } else {
                out.append((g.type, [(g.startLabel, g.endLabel)]))
            }
        }
        return out
    }

    public init(_ graph: KnowledgeGraph) {
        var byLabel: [String: [Node]] = [:]
        var labelOf: [Subject: String] = [:]
        for d in graph.sortedDocuments {
            labelOf[.iri(d.iri)] = "Document"
            byLabel["Document", default: []].append(Node(
                iri: d.iri.string, name: d.id, className: DG.document.string, aliases: [], documents: [], document: d))
        }
        for e in graph.sortedEntities {
            let label = Self.identifier(e.type.displayName)
            labelOf[e.node] = label
            byLabel[label, default: []].append(Node(
                iri: e.node.string, name: e.label, className: e.type.string,
                aliases: e.aliases.sorted(), documents: e.documents.sorted(), document: nil))
        }
        for node in graph.danglingNodes {
            labelOf[node] = "Resource"
            byLabel["Resource", default: []].append(Node(
                iri: node.string, name: KnowledgeGraph.fallbackLabel(node),
                className: RDFS.namespace + "Resource", aliases: [], documents: [], document: nil))
        }
        // Every node of a label sorted by IRI, whatever kind of node it came from.
        nodeGroups = byLabel.keys.sorted().map { label in
            let nodes = byLabel[label, default: []]
            let sorted = zip(nodes, nodes.dropFirst()).allSatisfy { $0.iri < $1.iri } ? nodes : nodes.sorted { $0.iri < $1.iri }
            return NodeGroup(label: label, nodes: sorted)
        }

        struct Key: Hashable, Comparable {
            let type: String, start: String, end: String
            static func < (a: Key, b: Key) -> Bool { (a.type, a.start, a.end) < (b.type, b.start, b.end) }
        }
        var byKey: [Key: [Relation]] = [:]
        for r in graph.sortedRelations {
            let key = Key(type: Self.identifier(KnowledgeGraph.relationshipType(r.predicate.displayName)),
                          start: labelOf[r.subject] ?? "Resource", end: labelOf[r.object] ?? "Resource")
            byKey[key, default: []].append(r)
        }
        edgeGroups = byKey.keys.sorted().map { k in
            EdgeGroup(type: k.type, startLabel: k.start, endLabel: k.end, relations: byKey[k, default: []])
        }
    }

    static func edge(_ r: Relation) -> Edge {
        let provenance = r.provenance
        var seen = Set<String>()
        var sentences: [String] = []
        for p in provenance where seen.insert(p.sentence).inserted { sentences.append(p.sentence) }
        return Edge(start: r.subject.string, end: r.object.string, iri: IRIMinting.statement(r.key).string,
                    predicate: r.predicate.string, role: r.role, confidence: r.confidence, evidence: sentences,
                    documents: Array(Set(provenance.map(\.document))).sorted())
    }

    /// A label or type every engine takes, even unquoted: letters, digits
    /// and `_` (anything else becomes `_`), never starting with a digit, never empty.
    public static func identifier(_ name: String) -> String {
        var out = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if out.isEmpty { return "Resource" }
        if let first = out.first, first.isNumber { out = "_" + out }
        return out
    }
}
