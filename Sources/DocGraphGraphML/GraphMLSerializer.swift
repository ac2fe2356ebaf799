import DocGraphModel
import DocGraphXML

/// Writes any RDF graph as GraphML, one triple at a time, so that reading
/// the file back (``GraphMLReader/parse(path:into:)``) gives the same
/// triples: `docgraph convert big.nt big.graphml` and back is lossless.
///
/// The mapping, the RDF view of GraphML:
/// - every IRI or blank node that is a subject or a resource-valued object
///   is a `<node>` whose `iri` data holds it (`_:b1` for a blank node);
/// - every triple with a resource object is an `<edge>` whose `predicate`
///   data holds the predicate IRI (so `rdf:type` is an edge to the class);
/// - every literal is node data under a key for its predicate, datatype and
///   language: the key's `<desc>` says which (`IRI`, `IRI @zh-Hans` or
///   `IRI ^^DATATYPE`), its `attr.name` is a readable prefixed name
///   (`skos_prefLabel_zh-Hans`); GraphML takes one `<data>` per key on a
///   node, so a node's second value for a key goes under the key's second
///   copy (`p2_2`, with the same `<desc>`);
/// - the graph's `rdf` data, `triples`, tells readers that nothing else is
///   implied: no label, type or statement is added on the way back.
///
/// Edges stream to a temporary file as they come; nodes, with their
/// literals, are held until ``finish()``, which writes the keys, the nodes
/// and then the edges. Memory grows with the nodes, not with the edges.
/// Node ids (`n1…`) and edge order follow the input, so the same triples in
/// the same order always give the same bytes.
public final class GraphMLSerializer: TripleSink {
    /// The `rdf` graph data value that marks this view.
    public static let marker = "triples"

    private let output: XMLByteWriter
    private let edges: XMLByteWriter
    @exclusivity(unchecked) private var nodeIDs: [Subject: Int] = [:]
    @exclusivity(unchecked) private var nodes: [Subject] = []
    /// Per node, its literals as (key index, lexical form).
    @exclusivity(unchecked) private var literals: [[(key: Int, value: String)]] = []
    @exclusivity(unchecked) private var keyIndex: [LiteralKey: Int] = [:]
    @exclusivity(unchecked) private var keys: [LiteralKey] = []
    @exclusivity(unchecked) private var lastSubject: (Subject, Int)?

    private struct LiteralKey: Hashable {
        var predicate: IRI
        var datatype: IRI
        var language: String?
    }

    /// Writes to `path` (created or truncated), edges first to a temporary file.
    public init(path: String) throws {
        output = try XMLByteWriter(path: path)
        edges = try XMLByteWriter(temporaryFor: path)
    }

    /// Writes to memory (for tests); read ``contents`` after ``finish()``.
    public init() {
        output = XMLByteWriter()
        edges = XMLByteWriter()
    }

    /// The file written, for a serializer in memory.
    public var contents: [UInt8] { output.memory }

    /// How many characters XML 1.0 could not carry and were replaced by U+FFFD.
    public var replacedCharacters: Int { output.replacedCharacters + edges.replacedCharacters }

    public func consume(_ t: Triple) throws {
        let s: Int
        if let (last, id) = lastSubject, last == t.subject { s = id } else {
            s = node(t.subject)
            lastSubject = (t.subject, s)
        }
        switch t.object {
        case .literal(let l):
            let k = LiteralKey(predicate: t.predicate, datatype: l.datatype, language: l.language)
            let index: Int
            if let known = keyIndex[k] { index = known } else {
                index = keys.count
                keys.append(k)
                keyIndex[k] = index
            }
            // The same literal twice is one triple of the graph, and one <data>.
            if !literals[s].contains(where: { $0.key == index && CodePointString.equal($0.value, l.lexicalForm) }) {
                literals[s].append((index, l.lexicalForm))
            }
        case .iri, .blank:
            let o = node(t.object.subject.unsafelyUnwrapped)
            edges.raw("\n    <edge source=\"n")
            edges.decimal(s + 1)
            edges.raw("\" target=\"n")
            edges.decimal(o + 1)
            edges.buffer.append(contentsOf: edgeEnd(t.predicate))
            try edges.flushIfFull()
        }
    }

    /// Predicates are few: each one's `"><data key="predicate">IRI</data></edge>` is escaped once.
    @exclusivity(unchecked) private var edgeEnds: [(IRI, [UInt8])] = []

    private func edgeEnd(_ p: IRI) -> [UInt8] {
        for (known, bytes) in edgeEnds where known == p { return bytes }
        let w = XMLByteWriter()
        w.raw("\"><data key=\"predicate\">")
        w.text(p.string)
        w.raw("</data></edge>")
        if edgeEnds.count < 32 { edgeEnds.append((p, w.buffer)) }
        return w.buffer
    }

    private func node(_ s: Subject) -> Int {
        if let id = nodeIDs[s] { return id }
        let id = nodes.count
        nodeIDs[s] = id
        nodes.append(s)
        literals.append([])
        return id
    }

    /// Writes the keys, the nodes and the edges, and closes the file.
    public func finish() throws {
        let w = output
        w.raw("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="rdf" for="graph" attr.name="rdf" attr.type="string"/>
              <key id="iri" for="node" attr.name="iri" attr.type="string"/>
              <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
            """)
        // GraphML allows one <data> per key on a node: a node's second value
        // for a key goes under the key's second copy (`p1_2`), and so on.
        var copies = [Int](repeating: 0, count: keys.count)
        var seen = [Int](repeating: 0, count: keys.count)
        for l in literals where l.count > 1 {
            for (k, _) in l { seen[k] += 1 }
            for (k, _) in l { copies[k] = max(copies[k], seen[k]); seen[k] = 0 }
        }
        for (i, k) in keys.enumerated() {
            for copy in 1...max(copies[i], 1) {
                w.raw("\n  <key id=\"")
                w.raw(Self.keyID(i, copy))
                w.raw("\" for=\"node\" attr.name=\"")
                w.attributeValue(Self.readableName(k.predicate, datatype: k.datatype, language: k.language)
                                 + (copy > 1 ? "_\(copy)" : ""))
                w.raw("\" attr.type=\"string\"><desc>")
                w.text(Self.description(predicate: k.predicate, datatype: k.datatype, language: k.language))
                w.raw("</desc></key>")
            }
        }
        w.raw("\n  <graph id=\"G\" edgedefault=\"directed\">\n    <data key=\"rdf\">")
        w.raw(Self.marker)
        w.raw("</data>")
        for (i, n) in nodes.enumerated() {
            w.raw("\n    <node id=\"n")
            w.decimal(i + 1)
            w.raw("\"><data key=\"iri\">")
            switch n {
            case .iri(let iri): w.text(iri.string)
            case .blank(let b): w.raw("_:"); w.text(b.id)
            }
            w.raw("</data>")
            let several = literals[i].count > 1
            for (j, (k, v)) in literals[i].enumerated() {
                w.raw("<data key=\"")
                // Which copy of its key this value takes: one more than the values before it under that key.
                w.raw(Self.keyID(k, several ? 1 + literals[i][..<j].count { $0.key == k } : 1))
                w.raw("\">")
                w.text(v)
                w.raw("</data>")
            }
            w.raw("</node>")
            try w.flushIfFull()
        }
        try edges.copy(to: w)
        w.raw("\n  </graph>\n</graphml>\n")
        try w.close()
        try edges.close()
    }

    /// `p3` for the first copy of the third literal key, `p3_2` for its second.
    static func keyID(_ index: Int, _ copy: Int) -> String {
        copy > 1 ? "p\(index + 1)_\(copy)" : "p\(index + 1)"
    }

    /// A key's `<desc>`: the predicate IRI, then ` @tag` or ` ^^DATATYPE`
    /// unless the literal is a plain `xsd:string`.
    static func description(predicate: IRI, datatype: IRI, language: String?) -> String {
        if let language { return predicate.string + " @" + language }
        if datatype != XSD.string { return predicate.string + " ^^" + datatype.string }
        return predicate.string
    }

    /// `skos_prefLabel_zh-Hans`, `dg_page_integer`: what NetworkX, Gephi
    /// and yEd show as the attribute's name (the `<desc>` is what counts).
    static func readableName(_ p: IRI, datatype: IRI, language: String?) -> String {
        var name = p.displayName
        if let (ns, local) = p.namespaceAndLocalName,
           let prefix = standardPrefixes.first(where: { $0.namespace == ns })?.prefix {
            name = prefix + "_" + local
        }
        if let language { name += "_" + language } else if datatype != XSD.string { name += "_" + datatype.displayName }
        // attr.name is an XML name token: ASCII punctuation other than `-._:` becomes `_`.
        return String(name.unicodeScalars.map { c -> Character in
            c.isASCII && !(c.properties.isAlphabetic || ("0"..."9").contains(c) || "-._:".unicodeScalars.contains(c))
                ? "_" : Character(c)
        })
    }
}
