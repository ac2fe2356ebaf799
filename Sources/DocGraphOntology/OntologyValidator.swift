import DocGraphModel

/// A finding of ``OntologyValidator``.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var message: String
    public var description: String { "\(severity.rawValue): \(message)" }
}

/// Checks a graph against the ontology: every class and predicate in
/// DocGraph's namespace must be declared, and relations should respect the
/// declared domain and range.
public struct OntologyValidator {
    public let ontology: Ontology

    public init(ontology: Ontology) { self.ontology = ontology }

    /// Checks triples (any RDF file): classes used with `rdf:type` and
    /// predicates must be declared by the ontology or be model infrastructure.
    public func validate(triples: [Triple]) -> [ValidationIssue] {
        var undeclaredPredicates = [IRI: Int]()
        var undeclaredClasses = [IRI: Int]()
        for t in triples {
            if t.predicate == RDF.type, let c = t.object.iri {
                if ontology.classes[c] == nil && !Ontology.infrastructure.contains(c) { undeclaredClasses[c, default: 0] += 1 }
            } else if ontology.properties[t.predicate] == nil && !Ontology.infrastructure.contains(t.predicate) {
                undeclaredPredicates[t.predicate, default: 0] += 1
            }
        }
        var issues: [ValidationIssue] = []
        for (c, n) in undeclaredClasses.sorted(by: { $0.key < $1.key }) {
            issues.append(ValidationIssue(severity: .error, message: "class \(c) is not declared by the ontology (\(n) use\(n == 1 ? "" : "s"))"))
        }
        for (p, n) in undeclaredPredicates.sorted(by: { $0.key < $1.key }) {
            issues.append(ValidationIssue(severity: .error, message: "predicate \(p) is not declared by the ontology (\(n) use\(n == 1 ? "" : "s"))"))
        }
        return issues
    }

    /// Checks a knowledge graph, adding domain and range checks on relations.
    public func validate(graph: KnowledgeGraph) -> [ValidationIssue] {
        validate(triples: graph.triples) + checkDomainsAndRanges(graph)
    }

    /// Warnings for relations whose ends are not of the declared classes.
    public func checkDomainsAndRanges(_ graph: KnowledgeGraph) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for r in graph.sortedRelations {
            guard let p = ontology.properties[r.predicate],
                  let s = graph.entities[r.subject], let o = graph.entities[r.object] else { continue }
            if let d = p.domain, !conforms(s.type, to: d) {
                issues.append(ValidationIssue(severity: .warning, message: "\(s.label) \(p.iri.namespaceAndLocalName?.localName ?? "") \(o.label): subject is a \(s.type.namespaceAndLocalName?.localName ?? ""), the domain is \(d.namespaceAndLocalName?.localName ?? "")"))
            }
            if let rg = p.range, !conforms(o.type, to: rg) {
                issues.append(ValidationIssue(severity: .warning, message: "\(s.label) \(p.iri.namespaceAndLocalName?.localName ?? "") \(o.label): object is a \(o.type.namespaceAndLocalName?.localName ?? ""), the range is \(rg.namespaceAndLocalName?.localName ?? "")"))
            }
        }
        return issues
    }

    func conforms(_ c: IRI, to target: IRI) -> Bool {
        var seen = Set<IRI>(), queue = [c]
        while let x = queue.popLast() {
            if x == target { return true }
            guard seen.insert(x).inserted else { continue }
            queue.append(contentsOf: ontology.classes[x]?.superclasses ?? [])
        }
        return false
    }
}
