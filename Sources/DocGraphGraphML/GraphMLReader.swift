import DocGraphModel
import DocGraphXML
import FoundationEssentials

/// Reads GraphML into a ``KnowledgeGraph``: losslessly for files DocGraph
/// wrote, and sensibly for GraphML from elsewhere (yEd, Gephi, NetworkX),
/// where a node's `label`/`name` becomes its name and an edge's
/// `relation`/`label` its predicate.
public enum GraphMLReader {
    /// Reads the GraphML file at `path`.
    public static func read(path: String) throws -> KnowledgeGraph {
        var triples: [Triple] = []
        if try GraphMLTripleReader(source: path, sink: { triples.append($0) }).parse(path: path) {
            return KnowledgeGraph(triples: triples)
        }
        return try read(XMLEventReader(path: path))
    }

    /// Reads GraphML held in memory.
    public static func read(bytes: [UInt8], source: String) throws -> KnowledgeGraph {
        var triples: [Triple] = []
        if try GraphMLTripleReader(source: source, sink: { triples.append($0) }).parse(bytes: bytes) {
            return KnowledgeGraph(triples: triples)
        }
        return try read(XMLEventReader(bytes: bytes, source: source))
    }

    /// Streams the triples of the GraphML file at `path` into `sink`: the
    /// RDF view (``GraphMLSerializer``) as it is, triple by triple; any other
    /// GraphML through the property graph it describes
    /// (``KnowledgeGraph/forEachTriple(_:)``).
    public static func parse(path: String, into sink: inout some TripleSink) throws {
        let isTripleView = try withoutActuallyEscaping({ (t: Triple) throws in try sink.consume(t) }) { consume in
            try GraphMLTripleReader(source: path, sink: consume).parse(path: path)
        }
        if !isTripleView { try read(XMLEventReader(path: path)).forEachTriple { try sink.consume($0) } }
    }

    /// ``parse(path:into:)`` for GraphML held in memory.
    public static func parse(bytes: [UInt8], source: String, into sink: inout some TripleSink) throws {
        let isTripleView = try withoutActuallyEscaping({ (t: Triple) throws in try sink.consume(t) }) { consume in
            try GraphMLTripleReader(source: source, sink: consume).parse(bytes: bytes)
        }
        if !isTripleView { try read(XMLEventReader(bytes: bytes, source: source)).forEachTriple { try sink.consume($0) } }
    }

    struct Element {
        var id: String
        var source = ""
        var target = ""
        var data: [String: String] = [:]
        var line = 0
        var column = 0
    }

    static func read(_ reader: XMLEventReader) throws -> KnowledgeGraph {
        var keyNames: [String: String] = [:]        // key id → attr.name
        var keyPredicates: [String: String] = [:]   // key id → predicate IRI from <desc>
        var nodes: [Element] = []
        var edges: [Element] = []
        var current: Element?
        var currentKey: String?
        var dataKey: String?
        var inDesc = false
        var text = ""
        var path: [String] = []
        var sawGraphML = false
        func fail(_ e: XMLStartElement, _ message: String) -> ParseError {
            ParseError(source: reader.source, line: e.line, column: e.column, message: message)
        }

        while let event = try reader.next() {
            switch event {
            case .startElement(let e):
                path.append(e.localName)
                if path.count == 1 {
                    guard e.localName == "graphml" else { throw fail(e, "expected <graphml> as the root element, found <\(e.localName)>") }
                    sawGraphML = true
                }
                switch e.localName {
                case "key":
                    guard let id = e.attribute("", "id") else { throw fail(e, "<key> without an id") }
                    keyNames[id] = e.attribute("", "attr.name") ?? id
                    currentKey = id
                case "desc" where currentKey != nil:
                    inDesc = true
                    text = ""
                case "node":
                    guard let id = e.attribute("", "id") else { throw fail(e, "<node> without an id") }
                    current = Element(id: id, line: e.line, column: e.column)
                case "edge":
                    guard let s = e.attribute("", "source"), let t = e.attribute("", "target") else {
                        throw fail(e, "<edge> without source or target")
                    }
                    current = Element(id: e.attribute("", "id") ?? "", source: s, target: t, line: e.line, column: e.column)
                case "data":
                    guard let k = e.attribute("", "key") else { throw fail(e, "<data> without a key") }
                    dataKey = k
                    text = ""
                default:
                    break
                }
            case .endElement:
                let name = path.removeLast()
                switch name {
                case "key": currentKey = nil
                case "desc" where inDesc:
                    if let k = currentKey { keyPredicates[k] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    inDesc = false
                case "data":
                    if let k = dataKey, current != nil {
                        current?.data[keyNames[k] ?? k] = text
                    }
                    dataKey = nil
                case "node":
                    if let c = current { nodes.append(c) }
                    current = nil
                case "edge":
                    if let c = current { edges.append(c) }
                    current = nil
                default: break
                }
            case .text(let t):
                if dataKey != nil || inDesc { text += t }
            default:
                break
            }
        }
        guard sawGraphML else { throw ParseError(source: reader.source, message: "no <graphml> element") }
        let predicateByName = Dictionary(keyPredicates.compactMap { id, p in keyNames[id].map { ($0, p) } },
                                         uniquingKeysWith: { a, _ in a })
        return try build(nodes: nodes, edges: edges, attributePredicates: predicateByName, source: reader.source)
    }

    static let fixedNames = Set((GraphMLKey.fixed + [GraphMLKey.language]).map(\.id))

    static func build(nodes: [Element], edges: [Element], attributePredicates: [String: String],
                      source: String) throws -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        var nodeIDs: [String: Subject] = [:]
        for n in nodes {
            let d = n.data
            let type = d["type"] ?? "Resource"
            if type == "Document" {
                let id = d["name"] ?? n.id
                let doc = Document(id: id, title: d["title"], date: d["date"], source: d["source"], checksum: d["checksum"] ?? "",
                                   location: d["location"], format: d["format"])
                nodeIDs[n.id] = .iri(doc.iri)
                graph.add(doc)
                continue
            }
            let classIRI = d["class"].flatMap(IRI.init) ?? DG.term(IRIMinting.encode(type))
            let label = d["label"] ?? d["name"] ?? n.id
            let node: Subject
            if let iri = d["iri"] {
                if iri.hasPrefix("_:") { node = .blank(BlankNode(String(iri.dropFirst(2)))) }
                else if let i = IRI(iri) { node = .iri(i) }
                else { throw ParseError(source: source, line: n.line, column: n.column, message: "node '\(n.id)' has an invalid iri '\(iri)'") }
            } else {
                node = .iri(IRIMinting.entity(type: classIRI, name: label))
            }
            nodeIDs[n.id] = node
            var attributes: [IRI: Set<Literal>] = [:]
            for (k, v) in d where !fixedNames.contains(k) {
                let kind = attributePredicates[k].flatMap(GraphMLTripleReader.literalKind)
                let p = kind?.predicate ?? DG.term(XMLText.isNCName(k) ? k : "attribute")
                attributes[p, default: []].formUnion(v.split(separator: "|").map { part in
                    guard let kind else { return Literal(String(part)) }
                    return kind.language.map { Literal(String(part), language: $0) } ?? Literal(String(part), datatype: kind.datatype)
                })
            }
            // Absent: the default; empty: no language.
            let language = d["language"].map { $0.isEmpty ? nil : $0 } ?? Entity.defaultLanguage
            let aliases = Set((d["aliases"] ?? "").split(separator: "|").map(String.init))
            let documents = Set((d["documents"] ?? "").split(separator: "|").map(String.init))
            graph.add(Entity(node: node, type: classIRI, label: label, language: language, aliases: aliases,
                             attributes: attributes, documents: documents))
        }
        let decoder = JSONDecoder()
        for e in edges {
            guard let s = nodeIDs[e.source], let o = nodeIDs[e.target] else {
                throw ParseError(source: source, line: e.line, column: e.column,
                                 message: "edge '\(e.id)' refers to an unknown node '\(nodeIDs[e.source] == nil ? e.source : e.target)'")
            }
            let d = e.data
            let relation = d["relation"] ?? d["interaction"] ?? d["label"].map(camelCase) ?? "relatedTo"
            let predicate = d["predicate"].flatMap(IRI.init) ?? DG.term(IRIMinting.encode(relation))
            var provenance: [Provenance] = []
            if let json = d["provenance"] {
                do { provenance = try decoder.decode([Provenance].self, from: Data(json.utf8)) } catch {
                    throw ParseError(source: source, line: e.line, column: e.column, message: "edge '\(e.id)' has malformed provenance JSON")
                }
            }
            graph.add(Relation(subject: s, predicate: predicate, object: o, role: d["role"],
                               confidence: d["confidence"].flatMap(Double.init) ?? 1, provenance: provenance))
        }
        return graph
    }

    /// `HOLDS_POSITION` → `holdsPosition`.
    static func camelCase(_ s: String) -> String {
        let parts = s.lowercased().split(separator: "_")
        guard let first = parts.first else { return s }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
