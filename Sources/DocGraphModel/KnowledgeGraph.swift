/// The graph DocGraph builds: entities merged by node, relations merged by
/// ``RelationKey``, and the documents they came from.
///
/// Adding the same entity or fact twice merges, never duplicates, and the
/// sorted views make every serialization independent of insertion order.
public struct KnowledgeGraph: Sendable, Equatable {
    public private(set) var entities: [Subject: Entity] = [:]
    public private(set) var relations: [RelationKey: Relation] = [:]
    public private(set) var documents: [String: Document] = [:]

    public init() {}

    /// Makes room for this many entities and relations at once, so that building a big graph does
    /// not rehash every key each time the tables double.
    public mutating func reserveCapacity(entities: Int, relations: Int) {
        self.entities.reserveCapacity(entities)
        self.relations.reserveCapacity(relations)
    }

    /// Adds an entity, merging names, documents and attributes into an
    /// existing one with the same node.
    public mutating func add(_ entity: Entity) {
        // One lookup (the default subscript inserts a new node), and the merge in place keeps the
        // stored sets uniquely referenced (no copy per merge).
        var isNew = false
        func absorbUnlessNew(_ stored: inout Entity) { if !isNew { stored.absorb(entity) } }
        absorbUnlessNew(&entities[entity.node, default: { isNew = true; return entity }()])
    }

    /// Adds a relation, merging evidence into an existing identical fact.
    public mutating func add(_ relation: Relation) {
        // One lookup, as for entities: hashing a relation's key (three IRIs) was most of this.
        var isNew = false
        func absorbUnlessNew(_ stored: inout Relation) { if !isNew { stored.absorb(relation) } }
        absorbUnlessNew(&relations[relation.key, default: { isNew = true; return relation }()])
    }

    /// Adds or replaces a document's metadata.
    public mutating func add(_ document: Document) {
        documents[document.id] = document
    }

    /// The union of two graphs: the same entity (same IRI) becomes one node.
    /// Merging is commutative (names, documents and evidence are unions,
    /// confidence the maximum), so the order of iteration does not matter.
    public mutating func merge(_ other: KnowledgeGraph) {
        for d in other.documents.values { add(d) }
        for e in other.entities.values { add(e) }
        for r in other.relations.values { add(r) }
    }

    /// Takes out what one document contributed, so that a changed version
    /// can take its place: the document, its evidence (a relation left with
    /// none goes), and its mention of each entity (an entity no document
    /// mentions any more goes). Entities keep one set of names, not one per
    /// document, so a name only the removed version used stays (see
    /// ``forgetNames(of:)``).
    public mutating func removeDocument(_ id: String) {
        documents[id] = nil
        for (key, var relation) in relations where relation.removeEvidence(fromDocument: id) {
            relations[key] = relation.evidenceCount == 0 ? nil : relation
        }
        for (node, var entity) in entities where entity.documents.remove(id) != nil {
            entities[node] = entity.documents.isEmpty ? nil : entity
        }
    }

    /// Empties the aliases of these entities, for names to be gathered again.
    public mutating func forgetNames(of nodes: Set<Subject>) {
        for n in nodes where entities[n] != nil { entities[n]?.aliases = [] }
    }

    /// Sets each relation's confidence to the highest `confidence(rule)` among
    /// its evidence, where every rule is known: after evidence was removed,
    /// the maximum may belong to evidence that is gone.
    public mutating func recomputeConfidence(_ confidence: (String) -> Double?) {
        for (key, relation) in relations where relation.evidenceCount > 0 {
            let values = relation.provenance.map { confidence($0.rule) }
            guard !values.contains(where: { $0 == nil }), let best = values.compactMap({ $0 }).max() else { continue }
            relations[key]?.confidence = best
        }
    }

    public var sortedEntities: [Entity] { entities.values.sorted { $0.node < $1.node } }
    /// Relations in ``RelationKey`` order. Nodes and predicates are ranked once and the sort compares
    /// integers: sorting the relations themselves moved and compared each one n log n times (two
    /// thirds of a render's selection time on 55,000 triples).
    public var sortedRelations: [Relation] {
        let values = Array(relations.values)
        var nodes = Set<Subject>(), predicates = Set<IRI>()
        for r in values {
            nodes.insert(r.key.subject)
            nodes.insert(r.key.object)
            predicates.insert(r.key.predicate)
        }
        var nodeRank: [Subject: Int] = [:], predicateRank: [IRI: Int] = [:]
        for (i, n) in nodes.sorted().enumerated() { nodeRank[n] = i }
        for (i, p) in predicates.sorted().enumerated() { predicateRank[p] = i }
        let ranks = values.map { r in
            (nodeRank[r.key.subject, default: 0], predicateRank[r.key.predicate, default: 0], nodeRank[r.key.object, default: 0])
        }
        return values.indices.sorted { a, b in
            ranks[a] != ranks[b] ? ranks[a] < ranks[b] : (values[a].key.role ?? "") < (values[b].key.role ?? "")
        }.map { values[$0] }
    }
    public var sortedDocuments: [Document] { documents.values.sorted { $0.id < $1.id } }
}
