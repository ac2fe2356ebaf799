import DocGraphModel
import DocGraphRDF

/// A class the ontology declares.
public struct OntologyClass: Sendable, Equatable {
    public let iri: IRI
    /// Labels by language tag (`zh-Hans`, `en`).
    public var labels: [String: String]
    public var superclasses: Set<IRI>
}

/// A property the ontology declares.
public struct OntologyProperty: Sendable, Equatable {
    public enum Kind: Sendable { case object, datatype, annotation }
    public let iri: IRI
    public var kind: Kind
    public var labels: [String: String]
    public var domain: IRI?
    public var range: IRI?
    public var isSymmetric: Bool
}

/// The classes and properties DocGraph may emit, read at run time from
/// `Ontology/docgraph.owl` (OWL in RDF/XML), so a user adds a class or a
/// property by editing that file, not Swift.
public struct Ontology: Sendable {
    public private(set) var classes: [IRI: OntologyClass] = [:]
    public private(set) var properties: [IRI: OntologyProperty] = [:]

    /// Builds the ontology from the triples of an OWL file.
    public init(triples: [Triple]) {
        var types: [Subject: Set<IRI>] = [:]
        for t in triples where t.predicate == RDF.type {
            if let o = t.object.iri { types[t.subject, default: []].insert(o) }
        }
        for (s, ts) in types {
            guard case .iri(let iri) = s else { continue }
            if ts.contains(OWL.class) || ts.contains(RDFS.class) {
                classes[iri] = OntologyClass(iri: iri, labels: [:], superclasses: [])
            }
            let kind: OntologyProperty.Kind? =
                ts.contains(OWL.objectProperty) || ts.contains(OWL.symmetricProperty) ? .object
                : ts.contains(OWL.datatypeProperty) ? .datatype
                : ts.contains(OWL.annotationProperty) ? .annotation : nil
            if let kind {
                properties[iri] = OntologyProperty(iri: iri, kind: kind, labels: [:], domain: nil, range: nil,
                                                   isSymmetric: ts.contains(OWL.symmetricProperty))
            }
        }
        for t in triples {
            guard case .iri(let s) = t.subject else { continue }
            switch t.predicate {
            case RDFS.label:
                guard let l = t.object.literal else { continue }
                classes[s]?.labels[l.language ?? ""] = l.lexicalForm
                properties[s]?.labels[l.language ?? ""] = l.lexicalForm
            case RDFS.subClassOf, OWL.equivalentClass:
                if let o = t.object.iri { classes[s]?.superclasses.insert(o) }
            case RDFS.domain: properties[s]?.domain = t.object.iri
            case RDFS.range: properties[s]?.range = t.object.iri
            default: continue
            }
        }
    }

    /// Loads the ontology file at `path`.
    public static func load(path: String) throws -> Ontology {
        var sink = TripleCollector()
        try RDFXMLParser(base: "file://" + path).parse(path: path, into: &sink)
        let ontology = Ontology(triples: sink.triples)
        guard !ontology.classes.isEmpty else {
            throw ParseError(source: path, message: "the ontology declares no class (owl:Class)")
        }
        return ontology
    }

    /// The class in DocGraph's namespace with this local name (`Organization`).
    public func `class`(named localName: String) -> OntologyClass? { classes[DG.term(localName)] }

    /// The property in DocGraph's namespace with this local name (`enacted`).
    public func property(named localName: String) -> OntologyProperty? { properties[DG.term(localName)] }

    /// Vocabulary the graph model itself writes (labels, reification,
    /// document metadata); it needs no declaration in the ontology.
    public static let infrastructure: Set<IRI> = [
        RDF.type, RDF.subject, RDF.predicate, RDF.object, RDF.statement, RDFS.label, RDFS.comment,
        SKOS.prefLabel, SKOS.altLabel, PROV.wasDerivedFrom, DCTerms.title, DCTerms.date, DCTerms.source,
        DCTerms.identifier, DCTerms.format,
    ]
}
