/// An RDF 1.1 literal: a lexical form with a datatype, and a language tag
/// exactly when the datatype is `rdf:langString`.
public struct Literal: Hashable, Comparable, Sendable {
    public let lexicalForm: String
    public let datatype: IRI
    /// The BCP 47 tag as written (`zh-Hans`), present only for `rdf:langString`.
    public let language: String?

    /// A plain string (`xsd:string`).
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        datatype = XSD.string
        language = nil
    }

    /// A language-tagged string. The tag keeps its spelling: RDF compares
    /// tags case-insensitively, but readers show them as written.
    public init(_ lexicalForm: String, language: String) {
        self.lexicalForm = lexicalForm
        datatype = RDF.langString
        self.language = language
    }

    /// A typed literal. A datatype of `rdf:langString` without a language is
    /// not representable and is taken as `xsd:string`.
    public init(_ lexicalForm: String, datatype: IRI) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype == RDF.langString ? XSD.string : datatype
        language = nil
    }

    /// Literals are equal when lexical form, datatype and tag are, code
    /// point by code point (see ``CodePointString``).
    /// Language tags compare without case, as RDF 1.1 (§3.3) and BCP 47 say.
    public static func == (a: Literal, b: Literal) -> Bool {
        CodePointString.equal(a.lexicalForm, b.lexicalForm) && a.datatype == b.datatype
            && (a.language == b.language || (a.language.map { $0.lowercased() } == b.language.map { $0.lowercased() }))
    }

    public func hash(into hasher: inout Hasher) {
        CodePointString.hash(lexicalForm, into: &hasher)
        hasher.combine(datatype)
        if let language { for b in language.utf8 { hasher.combine(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0)) } }
    }

    public static func < (a: Literal, b: Literal) -> Bool {
        if !CodePointString.equal(a.lexicalForm, b.lexicalForm) { return CodePointString.less(a.lexicalForm, b.lexicalForm) }
        if a.datatype != b.datatype { return a.datatype < b.datatype }
        return (a.language ?? "") < (b.language ?? "")
    }
}
