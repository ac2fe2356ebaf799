import DocGraphModel
import DocGraphQuery

/// The part of the served graph one entity page needs, read from the store
/// by index lookups and made into a small ``KnowledgeGraph`` by the same
/// builder every reader uses: the entity's own triples, the statements
/// about its relations with their evidence, the names and classes of the
/// entities at the other ends, and the documents that mention it.
///
/// The page and its picture are then drawn from that small graph, so a
/// graph of millions of triples is never read whole for one page.
enum Neighbourhood {
    /// The entity and everything one step away, or nil when the store says nothing about it.
    static func graph(around node: Subject, in store: TripleStore, maximumNeighbours: Int = 200) -> KnowledgeGraph? {
        var builder = KnowledgeGraphBuilder()
        var neighbours: [Subject] = []
        var seen = Set<Subject>([node])
        func take(_ s: Subject?) { if let s, seen.insert(s).inserted { neighbours.append(s) } }
        func copy(_ s: Subject) {
            store.match(subject: s.term, predicate: nil, object: nil) { builder.consume($0) }
        }
        var said = false
        store.match(subject: node.term, predicate: nil, object: nil) { t in
            said = true
            builder.consume(t)
            take(t.object.subject)
        }
        store.match(subject: nil, predicate: nil, object: node.term) { t in
            said = true
            // A document's list of mentions is read below, with the document itself.
            if t.predicate == DG.mentions { return }
            if t.predicate == RDF.subject || t.predicate == RDF.object { return }
            builder.consume(t)
            take(t.subject)
        }
        guard said else { return nil }
        // Statements about the entity, either end, and their evidence.
        for end in [RDF.subject, RDF.object] {
            store.match(subject: nil, predicate: end, object: node.term) { t in
                copy(t.subject)
                store.match(subject: t.subject.term, predicate: RDF.subject, object: nil) { take($0.object.subject) }
                store.match(subject: t.subject.term, predicate: RDF.object, object: nil) { take($0.object.subject) }
                store.match(subject: t.subject.term, predicate: DG.hasEvidence, object: nil) { e in
                    if let ev = e.object.subject { copy(ev) }
                }
            }
        }
        // The documents that mention it.
        store.match(subject: nil, predicate: DG.mentions, object: node.term) { t in
            store.match(subject: t.subject.term, predicate: nil, object: nil) { d in
                if d.predicate != DG.mentions { builder.consume(d) }
            }
            builder.consume(t)
        }
        // The other ends: their names and classes, so they show (and draw) by name.
        for other in neighbours.prefix(maximumNeighbours) {
            for p in [RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, DCTerms.identifier, DCTerms.title] {
                store.match(subject: other.term, predicate: p, object: nil) { builder.consume($0) }
            }
        }
        return builder.graph
    }
}
