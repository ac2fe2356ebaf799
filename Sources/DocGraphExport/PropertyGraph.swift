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
        /// The node's IRI (or `_:label` for a blank node): the key it merges on.
        public var iri: String
        /// The canonical name; for a document, its id.
        public var name: String
        /// The class IRI the label was taken from.
        public var className: String
        /// The other names, sorted.
        public var aliases: [String]
        /// The ids of the documents that mention the entity, sorted.
        public var documents: [String]
        /// The metadata, for a node that is a source document.
        public var document: Document?
    }

    /// An edge's properties and ends.
    public struct Edge: Sendable, Equatable {
        /// The IRI of the start node.
        public var start: String
        /// The IRI of the end node.
        public var end: String
        /// The IRI of the relation's `rdf:Statement`: the key it merges on.
        public var iri: String
        /// The predicate IRI the type was taken from.
        public var predicate: String
        /// The role (`市委书记`), if the relation has one.
        public var role: String?
        /// How sure the extraction is, from 0 to 1.
        public var confidence: Double
        /// The distinct evidence sentences, in the order of the evidence.
        public var evidence: [String]
        /// The ids of the documents the evidence comes from, sorted.
        public var documents: [String]
    }

    /// The nodes of one label.
    public struct NodeGroup: Sendable {
        /// The label (an identifier, see ``PropertyGraph/identifier(_:)``).
        public let label: String
        /// The nodes, sorted by IRI.
        public let nodes: [Node]
        /// Whether any node of the group is a document, whose metadata then needs columns.
        public var hasDocuments: Bool { nodes.contains { $0.document != nil } }
    }

    /// The relations of one type between nodes of two labels.
    public struct EdgeGroup: Sendable {
        /// The relationship type (`ENACTED`).
        public let type: String
        /// The label of every start node.
        public let startLabel: String
        /// The label of every end node.
        public let endLabel: String
        let graph: KnowledgeGraph
        let keys: [RelationKey]
        /// How many relationships the group holds.
        public var count: Int { keys.count }

        /// Calls `body` with each edge of the group, built when it is needed.
        public func forEachEdge(_ body: (Edge) throws -> Void) rethrows {
            for k in keys {
                guard let r = graph.relations[k] else { continue }
                try body(PropertyGraph.edge(r))
            }
        }
    }

    /// The nodes, one group per label, sorted by label.
    public let nodeGroups: [NodeGroup]
    /// The relationships, one group per type and end labels, sorted by them.
    public let edgeGroups: [EdgeGroup]

    /// How many nodes there are.
    public var nodeCount: Int { nodeGroups.reduce(0) { $0 + $1.nodes.count } }
    /// How many relationships there are.
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

    /// The view of `graph`; relationships are built only as writers ask for them.
    public init(_ graph: KnowledgeGraph) {
        // Labels and types are worked out once per class and predicate, not once per node and edge.
        var labelOfClass: [IRI: String] = [:]
        var byLabel: [String: [Node]] = [:]
        var labelOf: [Subject: String] = [:]
        labelOf.reserveCapacity(graph.entities.count + graph.documents.count)
        for d in graph.documents.values {
            labelOf[.iri(d.iri)] = "Document"
            byLabel["Document", default: []].append(Node(
                iri: d.iri.string, name: d.id, className: DG.document.string, aliases: [], documents: [], document: d))
        }
        for (node, e) in graph.entities {
            let label: String
            if let known = labelOfClass[e.type] {
                label = known
            } else {
                label = Self.identifier(e.type.displayName)
                labelOfClass[e.type] = label
            }
            labelOf[node] = label
            byLabel[label, default: []].append(Node(
                iri: node.string, name: e.label, className: e.type.string,
                aliases: e.aliases.sorted(), documents: e.documents.sorted(), document: nil))
        }
        for node in graph.danglingNodes {
            labelOf[node] = "Resource"
            byLabel["Resource", default: []].append(Node(
                iri: node.string, name: KnowledgeGraph.fallbackLabel(node),
                className: RDFS.namespace + "Resource", aliases: [], documents: [], document: nil))
        }
        // Every node of a label sorted by IRI, code point by code point; indices are
        // sorted rather than the nodes, which would be copied at every step.
        nodeGroups = byLabel.keys.sorted().map { label in
            let nodes = byLabel[label, default: []]
            let order = nodes.map(\.iri).withUnsafeBufferPointer { iris in
                nodes.indices.sorted { CodePointString.less(iris[$0], iris[$1]) }
            }
            return NodeGroup(label: label, nodes: order.map { nodes[$0] })
        }

        struct Key: Hashable, Comparable {
            let type: String, start: String, end: String
            static func < (a: Key, b: Key) -> Bool { (a.type, a.start, a.end) < (b.type, b.start, b.end) }
        }
        var typeOfPredicate: [IRI: String] = [:]
        var byKey: [Key: [RelationKey]] = [:]
        for key in graph.relations.keys {
            let type: String
            if let known = typeOfPredicate[key.predicate] {
                type = known
            } else {
                type = Self.identifier(KnowledgeGraph.relationshipType(key.predicate.displayName))
                typeOfPredicate[key.predicate] = type
            }
            byKey[Key(type: type, start: labelOf[key.subject] ?? "Resource", end: labelOf[key.object] ?? "Resource"),
                  default: []].append(key)
        }
        edgeGroups = byKey.keys.sorted().map { k in
            let keys = byKey[k, default: []]
            let order = keys.withUnsafeBufferPointer { keys in keys.indices.sorted { Self.precedes(keys[$0], keys[$1]) } }
            return EdgeGroup(type: k.type, startLabel: k.start, endLabel: k.end, graph: graph, keys: order.map { keys[$0] })
        }
    }

    /// The order of ``KnowledgeGraph/sortedRelations`` (subject, predicate, object, role), compared
    /// in place: the tuples `RelationKey.<` builds cost a copy of every field at every comparison.
    static func precedes(_ a: RelationKey, _ b: RelationKey) -> Bool {
        if a.subject != b.subject { return a.subject < b.subject }
        if a.predicate != b.predicate { return a.predicate < b.predicate }
        if a.object != b.object { return a.object < b.object }
        return CodePointString.less(a.role ?? "", b.role ?? "")
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
