/// What every property-graph view of a ``KnowledgeGraph`` (GraphML, the
/// openCypher, Neo4j and Kùzu exports) agrees on, so that they all show the
/// same nodes and the same edge types.
extension KnowledgeGraph {
    /// Relation ends that are neither entities nor documents of the graph,
    /// sorted: they still get a node (labelled `Resource`), so no edge is dropped.
    public var danglingNodes: [Subject] {
        let documentNodes = Set(documents.values.map { Subject.iri($0.iri) })
        var dangling = Set<Subject>()
        for key in relations.keys {
            for end in [key.subject, key.object] where entities[end] == nil && !documentNodes.contains(end) {
                dangling.insert(end)
            }
        }
        return dangling.sorted()
    }

    /// `holdsPosition` → `HOLDS_POSITION`: the relationship-type spelling
    /// Neo4j users expect.
    public static func relationshipType(_ localName: String) -> String {
        var out = ""
        var previousLower = false
        for c in localName {
            if c.isUppercase && previousLower { out += "_" }
            previousLower = c.isLowercase || c.isNumber
            out += c.uppercased()
        }
        return out.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}
