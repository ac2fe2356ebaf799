/// A `<key>` of DocGraph's GraphML: the data attributes every consumer
/// reads by name. Ids equal the attribute names (never `d0…`, which Gephi
/// and yEd read as their own label keys).
struct GraphMLKey: Sendable {
    enum Domain: String { case node, edge, all }
    let id: String
    let domain: Domain
    let type: String
    /// The predicate IRI behind an attribute key, written as `<desc>`.
    var predicate: String? = nil

    /// The language of an entity's names, declared only when some entity's
    /// is not ``Entity/defaultLanguage`` (empty for none).
    static let language = GraphMLKey(id: "language", domain: .node, type: "string")

    static let fixed: [GraphMLKey] = [
        GraphMLKey(id: "label", domain: .all, type: "string"),
        GraphMLKey(id: "type", domain: .node, type: "string"),
        GraphMLKey(id: "name", domain: .node, type: "string"),
        GraphMLKey(id: "aliases", domain: .node, type: "string"),
        GraphMLKey(id: "labels", domain: .node, type: "string"),
        GraphMLKey(id: "iri", domain: .node, type: "string"),
        GraphMLKey(id: "class", domain: .node, type: "string"),
        GraphMLKey(id: "documents", domain: .node, type: "string"),
        GraphMLKey(id: "title", domain: .node, type: "string"),
        GraphMLKey(id: "date", domain: .node, type: "string"),
        GraphMLKey(id: "source", domain: .node, type: "string"),
        GraphMLKey(id: "checksum", domain: .node, type: "string"),
        GraphMLKey(id: "location", domain: .node, type: "string"),
        GraphMLKey(id: "format", domain: .node, type: "string"),
        GraphMLKey(id: "relation", domain: .edge, type: "string"),
        GraphMLKey(id: "interaction", domain: .edge, type: "string"),
        GraphMLKey(id: "predicate", domain: .edge, type: "string"),
        GraphMLKey(id: "role", domain: .edge, type: "string"),
        GraphMLKey(id: "confidence", domain: .edge, type: "double"),
        GraphMLKey(id: "evidence", domain: .edge, type: "string"),
        GraphMLKey(id: "document", domain: .edge, type: "string"),
        GraphMLKey(id: "rule", domain: .edge, type: "string"),
        GraphMLKey(id: "provenance", domain: .edge, type: "string"),
    ]
}
