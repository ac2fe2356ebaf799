/// `rdf:` terms.
public enum RDF {
    public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = IRI(unchecked: namespace + "type")
    public static let langString = IRI(unchecked: namespace + "langString")
    public static let xmlLiteral = IRI(unchecked: namespace + "XMLLiteral")
    public static let statement = IRI(unchecked: namespace + "Statement")
    public static let subject = IRI(unchecked: namespace + "subject")
    public static let predicate = IRI(unchecked: namespace + "predicate")
    public static let object = IRI(unchecked: namespace + "object")
    public static let first = IRI(unchecked: namespace + "first")
    public static let rest = IRI(unchecked: namespace + "rest")
    public static let nil_ = IRI(unchecked: namespace + "nil")
}

/// `rdfs:` terms.
public enum RDFS {
    public static let namespace = "http://www.w3.org/2000/01/rdf-schema#"
    public static let label = IRI(unchecked: namespace + "label")
    public static let comment = IRI(unchecked: namespace + "comment")
    public static let subClassOf = IRI(unchecked: namespace + "subClassOf")
    public static let subPropertyOf = IRI(unchecked: namespace + "subPropertyOf")
    public static let domain = IRI(unchecked: namespace + "domain")
    public static let range = IRI(unchecked: namespace + "range")
    public static let `class` = IRI(unchecked: namespace + "Class")
}

/// `owl:` terms.
public enum OWL {
    public static let namespace = "http://www.w3.org/2002/07/owl#"
    public static let `class` = IRI(unchecked: namespace + "Class")
    public static let objectProperty = IRI(unchecked: namespace + "ObjectProperty")
    public static let datatypeProperty = IRI(unchecked: namespace + "DatatypeProperty")
    public static let annotationProperty = IRI(unchecked: namespace + "AnnotationProperty")
    public static let symmetricProperty = IRI(unchecked: namespace + "SymmetricProperty")
    public static let equivalentClass = IRI(unchecked: namespace + "equivalentClass")
    public static let ontology = IRI(unchecked: namespace + "Ontology")
}

/// `xsd:` datatypes.
public enum XSD {
    public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    public static let string = IRI(unchecked: namespace + "string")
    public static let integer = IRI(unchecked: namespace + "integer")
    public static let double = IRI(unchecked: namespace + "double")
    public static let decimal = IRI(unchecked: namespace + "decimal")
    public static let boolean = IRI(unchecked: namespace + "boolean")
    public static let date = IRI(unchecked: namespace + "date")
    public static let dateTime = IRI(unchecked: namespace + "dateTime")
}

/// `skos:` labels.
public enum SKOS {
    public static let namespace = "http://www.w3.org/2004/02/skos/core#"
    public static let prefLabel = IRI(unchecked: namespace + "prefLabel")
    public static let altLabel = IRI(unchecked: namespace + "altLabel")
}

/// `prov:` terms used for provenance.
public enum PROV {
    public static let namespace = "http://www.w3.org/ns/prov#"
    public static let wasDerivedFrom = IRI(unchecked: namespace + "wasDerivedFrom")
    public static let entity = IRI(unchecked: namespace + "Entity")
}

/// `dcterms:` terms used for document metadata.
public enum DCTerms {
    public static let namespace = "http://purl.org/dc/terms/"
    public static let title = IRI(unchecked: namespace + "title")
    public static let date = IRI(unchecked: namespace + "date")
    public static let source = IRI(unchecked: namespace + "source")
    public static let identifier = IRI(unchecked: namespace + "identifier")
    public static let format = IRI(unchecked: namespace + "format")
}

/// DocGraph's own ontology namespace and the terms the model relies on.
/// Classes and predicates beyond these come from `Ontology/` at run time.
public enum DG {
    public static let namespace = "https://w3id.org/docgraph/ontology#"
    /// Where entity, document and statement IRIs are minted.
    public static let resourceBase = "https://w3id.org/docgraph/id/"

    public static func term(_ localName: String) -> IRI { IRI(unchecked: namespace + localName) }

    public static let document = term("Document")
    public static let evidence = term("Evidence")
    public static let mentions = term("mentions")
    public static let hasEvidence = term("evidence")
    public static let role = term("role")
    public static let confidence = term("confidence")
    public static let sentence = term("sentence")
    public static let sentenceStart = term("sentenceStart")
    public static let sentenceEnd = term("sentenceEnd")
    public static let page = term("page")
    public static let subjectStart = term("subjectStart")
    public static let subjectEnd = term("subjectEnd")
    public static let objectStart = term("objectStart")
    public static let objectEnd = term("objectEnd")
    public static let rule = term("rule")
    public static let checksum = term("checksum")
    public static let location = term("location")
    public static let attribute = term("attribute")
}

/// Prefixes DocGraph declares in its outputs, in a fixed order.
public let standardPrefixes: [(prefix: String, namespace: String)] = [
    ("rdf", RDF.namespace), ("rdfs", RDFS.namespace), ("owl", OWL.namespace), ("xsd", XSD.namespace),
    ("skos", SKOS.namespace), ("prov", PROV.namespace), ("dcterms", DCTerms.namespace), ("dg", DG.namespace),
    ("org", "http://www.w3.org/ns/org#"), ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("eli", "http://data.europa.eu/eli/ontology#"),
]
