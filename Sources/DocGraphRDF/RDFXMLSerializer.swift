import DocGraphModel
import DocGraphXML

/// Writes RDF/XML through libxml2's `xmlTextWriter`, one triple at a time.
///
/// Consecutive triples about the same subject share one node element; a
/// first `rdf:type` names the element (`<dg:Organization rdf:about=…>`).
/// Known namespaces are declared once on `rdf:RDF` with readable prefixes;
/// a predicate in any other namespace gets its declaration on its own
/// element, which keeps the writer streaming (it never needs to see the
/// whole graph first). Memory stays flat whatever the graph's size.
public final class RDFXMLSerializer: TripleSink {
    private let writer: XMLStreamWriter
    private let prefixes: [String: String]   // namespace → prefix
    private var current: Subject?
    private var started = false
    /// Extra namespaces met while writing, named ns1, ns2 … in order of appearance.
    private var extra: [String: String] = [:]
    /// Qualified names already worked out: predicates and classes are few,
    /// so this saves splitting the same IRI for every triple.
    private var names: [IRI: QualifiedName?] = [:]

    private typealias QualifiedName = (name: String, declaration: (String, String)?)

    /// Writes to `path` (created or truncated).
    public convenience init(path: String, prefixes: [(prefix: String, namespace: String)] = standardPrefixes) throws {
        try self.init(writer: XMLStreamWriter(path: path), prefixes: prefixes)
    }

    /// Writes into an ``XMLStreamWriter`` (in memory for tests).
    public init(writer: XMLStreamWriter, prefixes: [(prefix: String, namespace: String)] = standardPrefixes) throws {
        self.writer = writer
        var map: [String: String] = [:]
        for (p, ns) in prefixes where map[ns] == nil { map[ns] = p }
        self.prefixes = map
        try writer.startDocument()
        try writer.startElement("rdf:RDF")
        for (p, ns) in prefixes { try writer.namespace(p, ns) }
        started = true
    }

    /// How many characters XML 1.0 could not carry and were replaced by U+FFFD.
    public var replacedCharacters: Int { writer.replacedCharacters }

    public func consume(_ t: Triple) throws {
        if current != t.subject {
            if current != nil { try writer.endElement() }
            current = t.subject
            if t.predicate == RDF.type, case .iri(let type) = t.object, let q = qualifiedName(type, declareLocally: false) {
                try writer.startElement(q.name)
                try subjectAttribute(t.subject)
                return
            }
            try writer.startElement("rdf:Description")
            try subjectAttribute(t.subject)
        }
        try property(t)
    }

    /// Closes the document and flushes it.
    public func finish() throws {
        if current != nil { try writer.endElement() }
        try writer.endDocument()
    }

    private func subjectAttribute(_ s: Subject) throws(ParseError) {
        switch s {
        case .iri(let i): try writer.attribute("rdf:about", i.string)
        case .blank(let b): try writer.attribute("rdf:nodeID", Self.nodeID(b))
        }
    }

    /// A blank node label as an XML name. Labels that already are one keep
    /// their spelling; others are hex-encoded behind `x_`, which no kept
    /// label starts with, so distinct labels stay distinct.
    static func nodeID(_ b: BlankNode) -> String {
        if XMLText.isNCName(b.id) && !b.id.hasPrefix("x_") { return b.id }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = Array("x_".utf8)
        for c in b.id.utf8 { out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static let syntaxNames: Set<String> = [
        "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description",
        "li", "aboutEach", "aboutEachPrefix", "bagID",
    ]

    private func qualifiedName(_ iri: IRI, declareLocally: Bool) -> QualifiedName? {
        if let known = names[iri] {
            if let q = known, q.declaration != nil, !declareLocally { return nil }
            return known
        }
        let q = computeQualifiedName(iri, declareLocally: declareLocally)
        if q != nil || declareLocally { names[iri] = q }
        return q
    }

    private func computeQualifiedName(_ iri: IRI, declareLocally: Bool) -> QualifiedName? {
        guard let (ns, local) = iri.namespaceAndLocalName else { return nil }
        if ns == RDF.namespace && Self.syntaxNames.contains(local) { return nil }
        if let p = prefixes[ns] { return ("\(p):\(local)", nil) }
        guard declareLocally else { return nil }
        let p: String
        if let known = extra[ns] {
            p = known
        } else {
            p = "ns\(extra.count + 1)"
            extra[ns] = p
        }
        return ("\(p):\(local)", (p, ns))
    }

    private func property(_ t: Triple) throws(ParseError) {
        guard let q = qualifiedName(t.predicate, declareLocally: true) else {
            throw ParseError(source: writer.destination,
                           message: "predicate \(t.predicate) cannot be written in RDF/XML (no XML name ends it); use N-Triples")
        }
        try writer.startElement(q.name)
        if let (p, ns) = q.declaration { try writer.namespace(p, ns) }
        switch t.object {
        case .iri(let i):
            try writer.attribute("rdf:resource", i.string)
        case .blank(let b):
            try writer.attribute("rdf:nodeID", Self.nodeID(b))
        case .literal(let l):
            if let lang = l.language {
                try writer.attribute("xml:lang", lang)
            } else if l.datatype != XSD.string {
                try writer.attribute("rdf:datatype", l.datatype.string)
            }
            try writer.text(l.lexicalForm)
        }
        try writer.endElement()
    }
}
