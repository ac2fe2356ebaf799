/// Triples gathered by subject as a parser streams them, to become a
/// ``KnowledgeGraph``: a reader feeds it directly instead of first
/// collecting every triple in an array and grouping them after, which held
/// the graph twice.
public struct KnowledgeGraphBuilder: TripleSink {
    /// Each subject's predicates and objects, in the order read.
    private(set) var bySubject: [Subject: [(IRI, Term)]] = [:]
    /// Triples whose object is a node: at most this many relations.
    private(set) var linking = 0

    public init() {}

    public mutating func consume(_ triple: Triple) {
        bySubject[triple.subject, default: []].append((triple.predicate, triple.object))
        if triple.object.subject != nil { linking += 1 }
    }

    /// The graph of everything consumed.
    public var graph: KnowledgeGraph { KnowledgeGraph(self) }
}
