/// One thing in the graph — an organization, a regulation, a person, a
/// program or any resource read from a file — with all the names it goes by.
public struct Entity: Hashable, Sendable {
    /// The node: an IRI for everything DocGraph extracts; a blank node only
    /// for resources read from foreign files.
    public let node: Subject
    /// The class, an ontology IRI such as `dg:Organization`.
    public var type: IRI
    /// The canonical name.
    public var label: String
    /// The language of the label and aliases (BCP 47, e.g. `zh-Hans`), or nil.
    public var language: String?
    /// Every other surface form, without the label itself.
    public var aliases: Set<String>
    /// Literal-valued properties other than names, by predicate.
    public var attributes: [IRI: Set<Literal>]
    /// The ``Document/id`` of every document that mentions the entity.
    public var documents: Set<String>

    /// The language of extracted names: Chinese in simplified script.
    public static let defaultLanguage: String? = "zh-Hans"

    public init(node: Subject, type: IRI, label: String, language: String? = Entity.defaultLanguage,
                aliases: Set<String> = [], attributes: [IRI: Set<Literal>] = [:], documents: Set<String> = []) {
        self.node = node
        self.type = type
        self.label = label
        self.language = language
        var names = aliases
        names.remove(label)   // (in place: subtracting a one-element list built a second set)
        self.aliases = names
        self.attributes = attributes
        self.documents = documents
    }

    /// An entity whose IRI is minted from its class and canonical name.
    public init(type: IRI, label: String, language: String? = "zh-Hans", aliases: Set<String> = [],
                documents: Set<String> = []) {
        self.init(node: .iri(IRIMinting.entity(type: type, name: label)), type: type, label: label,
                  language: language, aliases: aliases, documents: documents)
    }

    /// Folds another description of the same node into this one.
    public mutating func absorb(_ other: Entity) {
        aliases.formUnion(other.aliases)
        if other.label != label { aliases.insert(other.label) }
        aliases.remove(label)
        documents.formUnion(other.documents)
        for (p, values) in other.attributes { attributes[p, default: []].formUnion(values) }
    }
}
