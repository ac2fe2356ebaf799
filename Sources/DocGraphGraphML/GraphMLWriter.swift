import DocGraphModel
import DocGraphXML
import FoundationEssentials

/// Writes a ``KnowledgeGraph`` as GraphML through libxml2, shaped so that
/// Gephi, yEd, Cytoscape, NetworkX, igraph and Neo4j (APOC) all read names,
/// types and relation kinds without configuration.
///
/// - nodes carry `label`, `name`, `type` (class local name), `labels`
///   (`:Organization`, for APOC's `readLabels`), `aliases` joined with `|`,
///   `iri`, `class` (the class IRI) and `documents`;
/// - edges carry `relation` (`enacted`), `label` (`ENACTED`, the relationship
///   type APOC takes), `interaction` (Cytoscape), `role`, `confidence`,
///   the first `evidence` sentence and its `document`, and the complete
///   `provenance` as JSON for lossless reading back;
/// - nodes come before edges, ids are `n1…`, `e1…` in sorted order, so the
///   same graph always gives the same bytes.
public enum GraphMLWriter {
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"

    /// Writes `graph` to `path` (created or truncated).
    public static func write(_ graph: KnowledgeGraph, to path: String) throws {
        try write(graph, with: XMLStreamWriter(path: path))
    }

    /// The GraphML text of `graph`.
    public static func string(_ graph: KnowledgeGraph) throws -> String {
        let w = XMLStreamWriter()
        try write(graph, with: w)
        return w.contents
    }

    /// What an attribute key holds: literals of one predicate, datatype and language.
    struct AttributeKind: Hashable, Comparable {
        var predicate: IRI
        var datatype: IRI
        var language: String?

        init(_ predicate: IRI, _ l: Literal) {
            self.predicate = predicate
            datatype = l.datatype
            language = l.language
        }

        static func < (a: Self, b: Self) -> Bool {
            (a.predicate, a.datatype, a.language ?? "") < (b.predicate, b.datatype, b.language ?? "")
        }
    }

    /// Attribute keys for literal properties, named by prefixed name (and
    /// language or datatype when not a plain string); the `<desc>` says
    /// which, as ``GraphMLSerializer`` spells it.
    static func attributeKeys(_ graph: KnowledgeGraph) -> [AttributeKind: GraphMLKey] {
        var kinds = Set<AttributeKind>()
        for e in graph.entities.values {
            for (p, values) in e.attributes { for v in values { kinds.insert(AttributeKind(p, v)) } }
        }
        var prefixByNamespace: [String: String] = [:]
        for (p, ns) in standardPrefixes where prefixByNamespace[ns] == nil { prefixByNamespace[ns] = p }
        var keys: [AttributeKind: GraphMLKey] = [:]
        var taken = Set(GraphMLKey.fixed.map(\.id) + [GraphMLKey.language.id])
        for k in kinds.sorted() {
            let p = k.predicate
            var name: String
            if let (ns, local) = p.namespaceAndLocalName, let prefix = prefixByNamespace[ns] {
                name = "\(prefix)_\(local)"
            } else {
                name = "attr_" + IRIMinting.sha256Hex(p.string.utf8).prefix(10)
            }
            if let language = k.language {
                name += "_" + language.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            } else if k.datatype != XSD.string, let (_, local) = k.datatype.namespaceAndLocalName {
                name += "_" + local
            }
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            keys[k] = GraphMLKey(id: name, domain: .node, type: "string",
                                 predicate: GraphMLSerializer.description(predicate: p, datatype: k.datatype, language: k.language))
        }
        return keys
    }

    static func write(_ graph: KnowledgeGraph, with w: XMLStreamWriter) throws(ParseError) {
        let attributeKeys = attributeKeys(graph)
        // Labels are Chinese unless said otherwise: the key is there only when some entity says otherwise.
        let languageKey = graph.entities.values.contains { $0.language != Entity.defaultLanguage } ? [GraphMLKey.language] : []
        try w.startDocument()
        try w.startElement("graphml")
        try w.namespace(nil, namespace)
        try w.namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try w.attribute("xsi:schemaLocation", namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        for k in GraphMLKey.fixed + languageKey + attributeKeys.values.sorted(by: { $0.id < $1.id }) {
            try w.startElement("key")
            try w.attribute("id", k.id)
            try w.attribute("for", k.domain.rawValue)
            try w.attribute("attr.name", k.id)
            try w.attribute("attr.type", k.type)
            if let p = k.predicate {
                try w.startElement("desc")
                try w.text(p)
                try w.endElement()
            }
            try w.endElement()
        }
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")

        func data(_ key: String, _ value: String?) throws(ParseError) {
            guard let value, !value.isEmpty else { return }
            try w.startElement("data")
            try w.attribute("key", key)
            try w.text(value)
            try w.endElement()
        }

        var ids: [Subject: String] = [:]
        var n = 0
        for d in graph.sortedDocuments {
            n += 1
            let id = "n\(n)"
            ids[.iri(d.iri)] = id
            try w.startElement("node")
            try w.attribute("id", id)
            try data("label", d.title ?? d.id)
            try data("type", "Document")
            try data("name", d.id)
            try data("labels", ":Document")
            try data("iri", d.iri.string)
            try data("class", DG.document.string)
            try data("title", d.title)
            try data("date", d.date)
            try data("source", d.source)
            try data("checksum", d.checksum)
            try data("location", d.location)
            try data("format", d.format)
            try w.endElement()
        }
        for e in graph.sortedEntities {
            n += 1
            let id = "n\(n)"
            ids[e.node] = id
            let typeName = e.type.displayName
            try w.startElement("node")
            try w.attribute("id", id)
            try data("label", e.label)
            try data("type", typeName)
            try data("name", e.label)
            try data("aliases", e.aliases.sorted().joined(separator: "|"))
            try data("labels", ":" + typeName)
            try data("iri", e.node.string)
            try data("class", e.type.string)
            try data("documents", e.documents.sorted().joined(separator: "|"))
            if !languageKey.isEmpty && e.language != Entity.defaultLanguage {
                // An empty element for no language at all (data() leaves out empty values).
                try w.startElement("data")
                try w.attribute("key", GraphMLKey.language.id)
                try w.text(e.language ?? "")
                try w.endElement()
            }
            var values: [AttributeKind: [String]] = [:]
            for (p, literals) in e.attributes { for l in literals { values[AttributeKind(p, l), default: []].append(l.lexicalForm) } }
            for (kind, lexicalForms) in values.sorted(by: { $0.key < $1.key }) {
                guard let key = attributeKeys[kind] else { continue }
                try data(key.id, lexicalForms.sorted().joined(separator: "|"))
            }
            try w.endElement()
        }
        // Relation ends that are not entities of the graph still get a node: no edge is dropped.
        for node in graph.danglingNodes {
            n += 1
            ids[node] = "n\(n)"
            try w.startElement("node")
            try w.attribute("id", "n\(n)")
            try data("label", KnowledgeGraph.fallbackLabel(node))
            try data("type", "Resource")
            try data("labels", ":Resource")
            try data("iri", node.string)
            try w.endElement()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var m = 0
        for r in graph.sortedRelations {
            guard let s = ids[r.subject], let o = ids[r.object] else { continue }
            m += 1
            let relation = r.predicate.displayName
            try w.startElement("edge")
            try w.attribute("id", "e\(m)")
            try w.attribute("source", s)
            try w.attribute("target", o)
            try data("relation", relation)
            try data("label", relationshipType(relation))
            try data("interaction", relation)
            try data("predicate", r.predicate.string)
            try data("role", r.role)
            try data("confidence", String(r.confidence))
            try data("evidence", r.provenance.first?.sentence)
            try data("document", Array(Set(r.provenance.map(\.document))).sorted().joined(separator: "|"))
            try data("rule", Array(Set(r.provenance.map(\.rule))).sorted().joined(separator: "|"))
            if !r.provenance.isEmpty, let json = try? encoder.encode(r.provenance) {
                try data("provenance", String(decoding: json, as: UTF8.self))
            }
            try w.endElement()
        }
        try w.endElement()
        try w.endElement()
        try w.endDocument()
    }

    /// `holdsPosition` → `HOLDS_POSITION`: the relationship-type spelling
    /// Neo4j users expect.
    public static func relationshipType(_ localName: String) -> String {
        KnowledgeGraph.relationshipType(localName)
    }
}
