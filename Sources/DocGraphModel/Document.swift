/// A source document: its identifier (the file name without extension,
/// unique in a collection), metadata read from it, and a SHA-256 checksum
/// of its bytes so incremental runs can tell whether it changed.
public struct Document: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var date: String?
    public var source: String?
    /// Lowercase hexadecimal SHA-256 of the document's bytes.
    public var checksum: String

    public init(id: String, title: String? = nil, date: String? = nil, source: String? = nil, checksum: String) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.checksum = checksum
    }

    /// The document's IRI, derived from its identifier.
    public var iri: IRI { Document.iri(forID: id) }

    public static func iri(forID id: String) -> IRI {
        IRI(unchecked: DG.resourceBase + "document/" + IRIMinting.encode(id))
    }
}
