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
    /// Where it was read from: the path as given, or `-` for standard input.
    public var location: String?
    /// What it was read as: a media type such as `text/html` or
    /// `text/plain; charset=gb18030`. Offsets in provenance count in the
    /// text read from it (for HTML and DOCX, the extracted text).
    public var format: String?

    public init(id: String, title: String? = nil, date: String? = nil, source: String? = nil, checksum: String,
                location: String? = nil, format: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.checksum = checksum
        self.location = location
        self.format = format
    }

    /// The document's IRI, derived from its identifier.
    public var iri: IRI { Document.iri(forID: id) }

    public static func iri(forID id: String) -> IRI {
        IRI(unchecked: DG.resourceBase + "document/" + IRIMinting.encode(id))
    }
}
