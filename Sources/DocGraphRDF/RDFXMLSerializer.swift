import DocGraphModel
import DocGraphXML

/// Writes RDF/XML one triple at a time, straight as UTF-8 bytes
/// (``XMLByteWriter``), indented as libxml2's `xmlTextWriter` indents.
///
/// Consecutive triples about the same subject share one node element; a
/// first `rdf:type` names the element (`<dg:Organization rdf:about=…>`).
/// Known namespaces are declared once on `rdf:RDF` with readable prefixes;
/// a predicate in any other namespace gets its declaration on its own
/// element, which keeps the writer streaming (it never needs to see the
/// whole graph first). Memory stays flat whatever the graph's size.
///
/// Markup for each predicate and class is worked out once and kept as
/// bytes (`\n    <dg:enacted rdf:resource="`), so a triple costs a few
/// appends: `Benchmarks/convert-vs-peers.sh` measures it against Oxigraph.
public final class RDFXMLSerializer: TripleSink {
    private let writer: XMLByteWriter
    private let prefixes: [String: String]   // namespace → prefix
    @exclusivity(unchecked) private var current: Subject?
    /// The end tag of the open node element, `\n  </dg:Organization>`.
    @exclusivity(unchecked) private var currentEnd: [UInt8] = []
    @exclusivity(unchecked) private var currentHasProperties = false
    @exclusivity(unchecked) private var wroteNode = false
    /// Extra namespaces met while writing, named ns1, ns2 … in order of appearance.
    private var extra: [String: String] = [:]
    /// Property markup by predicate: the start tag's opening (with a local
    /// namespace declaration when needed) and the end tag.
    @exclusivity(unchecked) private var properties: [IRI: Markup] = [:]
    /// Node element names by class; nil when the class has no XML name.
    @exclusivity(unchecked) private var classes: [IRI: [UInt8]?] = [:]
    /// The last predicate looked up: runs of one predicate are common.
    @exclusivity(unchecked) private var lastPredicate: (IRI, Markup)?

    private struct Markup {
        var open: [UInt8]   // `\n    <dg:x` plus ` xmlns:ns1="…"`
        var close: [UInt8]  // `</dg:x>`
    }

    /// Writes to `path` (created or truncated).
    public convenience init(path: String, prefixes: [(prefix: String, namespace: String)] = standardPrefixes) throws {
        try self.init(writer: XMLByteWriter(path: path), prefixes: prefixes)
    }

    /// Writes into an ``XMLByteWriter`` (in memory for tests).
    public init(writer: XMLByteWriter, prefixes: [(prefix: String, namespace: String)] = standardPrefixes) throws {
        self.writer = writer
        var map: [String: String] = [:]
        for (p, ns) in prefixes where map[ns] == nil { map[ns] = p }
        self.prefixes = map
        writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF")
        for (p, ns) in prefixes {
            writer.raw(" xmlns:")
            writer.raw(p)
            writer.raw("=\"")
            writer.attributeValue(ns)
            writer.raw("\"")
        }
    }

    /// How many characters XML 1.0 could not carry and were replaced by U+FFFD.
    public var replacedCharacters: Int { writer.replacedCharacters }

    public func consume(_ t: Triple) throws {
        if current != t.subject {
            closeNode()
            current = t.subject
            currentHasProperties = false
            writer.raw(wroteNode ? "\n  <" : ">\n  <")
            wroteNode = true
            if t.predicate == RDF.type, case .iri(let type) = t.object, let name = className(type) {
                writer.buffer.append(contentsOf: name)
                subjectAttribute(t.subject)
                currentEnd = Array("\n  </".utf8) + name + [0x3E]
                return
            }
            writer.raw("rdf:Description")
            subjectAttribute(t.subject)
            currentEnd = Array("\n  </rdf:Description>".utf8)
        }
        if !currentHasProperties {
            writer.raw(">")
            currentHasProperties = true
        }
        let markup = try propertyMarkup(t.predicate)
        writer.buffer.append(contentsOf: markup.open)
        switch t.object {
        case .iri(let i):
            writer.raw(" rdf:resource=\"")
            writer.attributeValue(i.string)
            writer.raw("\"/>")
        case .blank(let b):
            writer.raw(" rdf:nodeID=\"")
            writer.attributeValue(Self.nodeID(b))
            writer.raw("\"/>")
        case .literal(let l):
            if let lang = l.language {
                writer.raw(" xml:lang=\"")
                writer.attributeValue(lang)
                writer.raw("\">")
            } else if l.datatype != XSD.string {
                writer.raw(" rdf:datatype=\"")
                writer.attributeValue(l.datatype.string)
                writer.raw("\">")
            } else {
                writer.raw(">")
            }
            writer.text(l.lexicalForm)
            writer.buffer.append(contentsOf: markup.close)
        }
        try writer.flushIfFull()
    }

    /// Closes the document and flushes it.
    public func finish() throws {
        closeNode()
        writer.raw(wroteNode ? "\n</rdf:RDF>\n" : "/>\n")
        try writer.close()
    }

    private func closeNode() {
        guard current != nil else { return }
        if currentHasProperties {
            writer.buffer.append(contentsOf: currentEnd)
        } else {
            writer.raw("/>")
        }
    }

    private func subjectAttribute(_ s: Subject) {
        switch s {
        case .iri(let i):
            writer.raw(" rdf:about=\"")
            writer.attributeValue(i.string)
        case .blank(let b):
            writer.raw(" rdf:nodeID=\"")
            writer.attributeValue(Self.nodeID(b))
        }
        writer.raw("\"")
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

    /// The element name for nodes of this class, when a declared prefix names it.
    private func className(_ iri: IRI) -> [UInt8]? {
        if let known = classes[iri] { return known }
        var name: [UInt8]? = nil
        if let (ns, local) = iri.namespaceAndLocalName, !(ns == RDF.namespace && Self.syntaxNames.contains(local)),
           let p = prefixes[ns] {
            name = Array("\(p):\(local)".utf8)
        }
        classes[iri] = name
        return name
    }

    private func propertyMarkup(_ predicate: IRI) throws(ParseError) -> Markup {
        if let (p, m) = lastPredicate, p == predicate { return m }
        let m: Markup
        if let known = properties[predicate] {
            m = known
        } else {
            guard let (ns, local) = predicate.namespaceAndLocalName,
                  !(ns == RDF.namespace && Self.syntaxNames.contains(local)) else {
                throw ParseError(source: writer.destination,
                                 message: "predicate \(predicate) cannot be written in RDF/XML (no XML name ends it); use N-Triples")
            }
            var open = Array("\n    <".utf8)
            let name: String
            if let p = prefixes[ns] {
                name = "\(p):\(local)"
                open += name.utf8
            } else {
                let p: String
                if let known = extra[ns] {
                    p = known
                } else {
                    p = "ns\(extra.count + 1)"
                    extra[ns] = p
                }
                name = "\(p):\(local)"
                let declaration = XMLByteWriter()
                declaration.attributeValue(ns)
                open += "\(name) xmlns:\(p)=\"".utf8
                open += declaration.buffer
                open.append(0x22)
            }
            m = Markup(open: open, close: Array("</\(name)>".utf8))
            properties[predicate] = m
        }
        lastPredicate = (predicate, m)
        return m
    }
}
