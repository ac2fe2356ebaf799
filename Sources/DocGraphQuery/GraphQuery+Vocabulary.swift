import DocGraphModel

/// Classes and predicates named by the user: a typo is an error with the nearest names, not an
/// empty answer.
extension GraphQuery {
    /// Whether `iri` is the class the user named: its local name (in any case) or the full IRI.
    static func classMatches(_ iri: IRI, _ wanted: String) -> Bool {
        iri.string == wanted || iri.displayName.lowercased() == wanted.lowercased()
    }

    /// Checks a class name: one that the graph's entities have or that `declared` (the ontology's
    /// classes) holds; otherwise an error with the nearest of those names.
    public func requireClass(_ name: String, declared: @autoclosure () -> [IRI] = []) throws(NoMatch) {
        let used = Set(graph.entities.values.map(\.type))
        if used.contains(where: { Self.classMatches($0, name) }) { return }
        let known = used.union(declared())
        if known.contains(where: { Self.classMatches($0, name) }) { return }
        throw NoMatch(name: name, suggestions: Self.nearest(name, among: known), what: "class")
    }

    /// Checks a predicate (local name, prefixed name or IRI): one that the graph's relations use or
    /// that `declared` (the ontology's properties) holds; otherwise an error with the nearest names.
    public func requirePredicate(_ name: String, declared: @autoclosure () -> [IRI] = []) throws(NoMatch) {
        let used = Set(graph.relations.keys.map(\.predicate))
        if used.contains(where: { Self.predicateMatches($0, name) }) { return }
        let known = used.union(declared())
        if known.contains(where: { Self.predicateMatches($0, name) }) { return }
        throw NoMatch(name: name, suggestions: Self.nearest(name, among: known), what: "predicate")
    }

    /// The local names closest to `name` by edit distance (ignoring case), at most three.
    static func nearest(_ name: String, among iris: Set<IRI>) -> [String] {
        let wanted = Array(fold(localName(name)).unicodeScalars)
        let names = Set(iris.map(\.displayName))
        return names.map { ($0, editDistance(wanted, Array(fold($0).unicodeScalars))) }
            .filter { $0.1 <= max(2, wanted.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3).map(\.0)
    }

    /// The part of a prefixed name or IRI after its last `#`, `/` or `:`.
    static func localName(_ s: String) -> String {
        guard let cut = s.lastIndex(where: { $0 == "#" || $0 == "/" || $0 == ":" }) else { return s }
        return String(s[s.index(after: cut)...])
    }
}
