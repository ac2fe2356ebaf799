import DocGraphModel
import DocGraphQuery
import DocGraphRender
import Foundation

/// The evidence browser's pages, each drawn from the graph a request began
/// under: search over names and aliases, an entity's relations with their
/// evidence, its neighbourhood picture, and the documents.
///
/// Every page reads the store through its indexes (a name search reads the
/// label and alias triples, an entity page the triples one step around
/// it), and lists are capped, so a page costs the same on a graph of a
/// million triples as on a small one.
enum EvidenceBrowser {
    /// The most entities one search lists (the counts by class cover them all).
    static let searchLimit = 100
    /// The most documents the documents page lists.
    static let documentLimit = 1000

    // MARK: search

    /// `/` and `/?q=…`: the entities whose label or an alias holds the text, with counts by class.
    static func search(_ text: String, in store: TripleStore) -> String {
        let needle = text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else {
            return BrowserPage.html(title: "Search", body: """
                <h1>Search the graph</h1>
                <p>\(store.count) triples. Type a name or an alias above (a part of one is enough: 人大, 条例).</p>
                """)
        }
        let folded = needle.lowercased()
        var matched: [Subject: String] = [:]   // the entity and the name that matched
        for p in [SKOS.prefLabel, SKOS.altLabel, RDFS.label] {
            store.match(subject: nil, predicate: p, object: nil) { t in
                guard case .literal(let l) = t.object, l.lexicalForm.lowercased().contains(folded) else { return }
                if matched[t.subject] == nil || p == SKOS.prefLabel { matched[t.subject] = l.lexicalForm }
            }
        }
        var byClass: [String: Int] = [:]
        var rows: [(label: String, className: String, matchedName: String, node: Subject)] = []
        for (node, name) in matched {
            let className = Self.className(node, in: store)
            byClass[className, default: 0] += 1
            rows.append((Self.label(node, in: store), className, name, node))
        }
        rows.sort { ($0.label.count, $0.label, $0.className) < ($1.label.count, $1.label, $1.className) }
        var body = "<h1>“\(BrowserPage.escape(needle))”: \(matched.count) \(matched.count == 1 ? "entity" : "entities")</h1>\n"
        body += "<p class=\"counts\">" + byClass.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "<span>\(BrowserPage.escape($0.key.isEmpty ? "untyped" : $0.key)): \($0.value)</span>" }.joined() + "</p>\n"
        body += "<table><tr><th>Name</th><th>Class</th><th>Matched</th></tr>\n"
        for row in rows.prefix(searchLimit) {
            let link = Self.link(row.node, label: row.label)
            body += "<tr><td>\(link)</td><td>\(BrowserPage.escape(row.className))</td><td>\(BrowserPage.escape(row.matchedName))</td></tr>\n"
        }
        body += "</table>\n"
        if rows.count > searchLimit { body += "<p class=\"meta\">The first \(searchLimit) of \(rows.count) are listed; type more of the name to narrow them.</p>\n" }
        return BrowserPage.html(title: needle, body: body)
    }

    // MARK: entity

    /// `/entity/<iri>`: the entity's names, class and documents, its relations in and out with role,
    /// confidence and evidence, and its neighbourhood picture; nil when the graph says nothing of it.
    static func entity(_ iri: String, in store: TripleStore) -> String? {
        guard let parsed = IRI(iri) else { return nil }
        let node = Subject.iri(parsed)
        guard let graph = Neighbourhood.graph(around: node, in: store) else { return nil }
        let entity = graph.entities[node]
        let label = entity?.label ?? Self.label(node, in: store)
        var body = "<h1>\(BrowserPage.escape(label))</h1>\n<p class=\"meta\">"
        if let entity {
            body += BrowserPage.escape(entity.type.displayName)
            if !entity.aliases.isEmpty { body += " · also " + entity.aliases.sorted().map(BrowserPage.escape).joined(separator: "、") }
        }
        body += "<br><code>\(BrowserPage.escape(iri))</code></p>\n"
        let documents = (entity?.documents ?? []).sorted()
        if !documents.isEmpty {
            body += "<p>Documents: " + documents.map { id in
                let title = graph.documents[id]?.title ?? id
                return "<a href=\"/documents#\(BrowserPage.escape(BrowserPage.percentEncoded(id)))\">\(BrowserPage.escape(title))</a>"
            }.joined(separator: "、") + "</p>\n"
        }
        body += "<figure><img src=\"\(BrowserPage.pictureLink(iri))\" alt=\"the neighbourhood of \(BrowserPage.escape(label))\"></figure>\n"
        let relations = graph.sortedRelations
        let outgoing = relations.filter { $0.subject == node }
        let incoming = relations.filter { $0.object == node && $0.subject != node }
        body += relationsSection("Relations out", outgoing, of: node, in: graph)
        body += relationsSection("Relations in", incoming, of: node, in: graph)
        return BrowserPage.html(title: label, body: body)
    }

    private static func relationsSection(_ title: String, _ relations: [Relation], of node: Subject, in graph: KnowledgeGraph) -> String {
        var out = "<h2>\(title) (\(relations.count))</h2>\n"
        guard !relations.isEmpty else { return out + "<p class=\"meta\">None.</p>\n" }
        out += "<table><tr><th>Relation</th><th>With</th><th>Role</th><th>Confidence</th></tr>\n"
        for r in relations {
            let other = r.subject == node ? r.object : r.subject
            let otherLabel = graph.entities[other]?.label ?? KnowledgeGraph.fallbackLabel(other)
            out += "<tr><td>\(BrowserPage.escape(r.predicate.displayName))</td><td>\(link(other, label: otherLabel))</td>"
            out += "<td>\(BrowserPage.escape(r.role ?? ""))</td><td>\(String(format: "%.2f", r.confidence))</td></tr>\n"
            let names = (graph.entities[node].map { [$0.label] + $0.aliases.sorted() } ?? [])
            for p in r.provenance {
                let title = graph.documents[p.document]?.title ?? p.document
                out += "<tr><td colspan=\"4\"><div class=\"evidence\">\(marked(p, names: names))<br><span class=\"meta\">"
                out += BrowserPage.escape(title)
                if let page = p.page { out += " · page \(page)" }
                if !p.rule.isEmpty { out += " · \(BrowserPage.escape(p.rule))" }
                out += "</span></div></td></tr>\n"
            }
        }
        return out + "</table>\n"
    }

    /// The evidence sentence with the subject and object mentions marked where the extractor recorded
    /// them (offsets in Unicode scalars from the document's start), else the entity's names wherever
    /// they occur.
    static func marked(_ p: Provenance, names: [String]) -> String {
        let scalars = Array(p.sentence.unicodeScalars)
        var spans: [(start: Int, end: Int, kind: String)] = []
        func add(_ start: Int?, _ end: Int?, _ kind: String) {
            guard let start, let end else { return }
            let s = start - p.sentenceStart, e = end - p.sentenceStart
            if s >= 0, e <= scalars.count, s < e { spans.append((s, e, kind)) }
        }
        add(p.subjectStart, p.subjectEnd, "subject")
        add(p.objectStart, p.objectEnd, "object")
        if spans.isEmpty {
            for name in names where !name.isEmpty {
                let n = Array(name.unicodeScalars)
                var i = 0
                while i + n.count <= scalars.count {
                    if Array(scalars[i..<i + n.count]) == n { spans.append((i, i + n.count, "name")); i += n.count } else { i += 1 }
                }
            }
        }
        spans.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var out = "", at = 0
        for span in spans where span.start >= at {
            out += BrowserPage.escape(String(String.UnicodeScalarView(scalars[at..<span.start])))
            out += "<mark class=\"\(span.kind)\">" + BrowserPage.escape(String(String.UnicodeScalarView(scalars[span.start..<span.end]))) + "</mark>"
            at = span.end
        }
        return out + BrowserPage.escape(String(String.UnicodeScalarView(scalars[at...])))
    }

    // MARK: picture

    /// `/picture/<iri>`: the entity and its neighbours drawn as `docgraph render --focus` draws them
    /// (DOTWriter, then Graphviz), as SVG; nil when the graph says nothing of it.
    static func picture(_ iri: String, in store: TripleStore) throws -> [UInt8]? {
        guard let parsed = IRI(iri), let graph = Neighbourhood.graph(around: .iri(parsed), in: store) else { return nil }
        let selection = try DrawingSelection(GraphQuery(graph), .init(focus: iri, depth: 1, maximumNodes: 60))
        let dot = DOTWriter.dot(selection, layout: "sfdp")
        // Graphviz keeps global state: one drawing at a time.
        return try graphvizLock.withLock { try GraphvizRenderer().render(dot: dot, layout: "sfdp", format: "svg") }
    }

    private static let graphvizLock = NSLock()

    // MARK: documents

    /// `/documents`: what the graph was extracted from, with how many entities each mentions.
    static func documents(in store: TripleStore) -> String {
        var docs: [(id: String, title: String, date: String, location: String, mentions: Int)] = []
        store.match(subject: nil, predicate: RDF.type, object: .iri(DG.document)) { t in
            func literal(_ p: IRI) -> String {
                var value = ""
                store.match(subject: t.subject.term, predicate: p, object: nil) { if case .literal(let l) = $0.object { value = l.lexicalForm } }
                return value
            }
            let id = literal(DCTerms.identifier)
            docs.append((id.isEmpty ? KnowledgeGraph.fallbackLabel(t.subject) : id, literal(DCTerms.title), literal(DCTerms.date),
                         literal(DG.location), store.estimate(subject: t.subject.term, predicate: DG.mentions, object: nil)))
        }
        docs.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        var body = "<h1>Documents (\(docs.count))</h1>\n<table><tr><th>Document</th><th>Title</th><th>Date</th><th>Entities</th><th>File</th></tr>\n"
        for d in docs.prefix(documentLimit) {
            body += "<tr id=\"\(BrowserPage.escape(BrowserPage.percentEncoded(d.id)))\"><td>\(BrowserPage.escape(d.id))</td>"
            body += "<td>\(BrowserPage.escape(d.title))</td><td>\(BrowserPage.escape(d.date))</td><td>\(d.mentions)</td>"
            body += "<td>\(BrowserPage.escape(d.location))</td></tr>\n"
        }
        body += "</table>\n"
        if docs.count > documentLimit { body += "<p class=\"meta\">The first \(documentLimit) of \(docs.count) are listed.</p>\n" }
        return BrowserPage.html(title: "Documents", body: body)
    }

    // MARK: names

    static func link(_ node: Subject, label: String) -> String {
        guard case .iri(let iri) = node else { return BrowserPage.escape(label) }
        return "<a href=\"\(BrowserPage.escape(BrowserPage.entityLink(iri.string)))\">\(BrowserPage.escape(label))</a>"
    }

    static func label(_ node: Subject, in store: TripleStore) -> String {
        var best: String?
        store.match(subject: node.term, predicate: SKOS.prefLabel, object: nil) { t in
            if case .literal(let l) = t.object, l.lexicalForm < (best ?? "\u{10FFFF}") { best = l.lexicalForm }
        }
        return best ?? KnowledgeGraph.fallbackLabel(node)
    }

    static func className(_ node: Subject, in store: TripleStore) -> String {
        var classes: [String] = []
        store.match(subject: node.term, predicate: RDF.type, object: nil) { t in if let i = t.object.iri { classes.append(i.displayName) } }
        return classes.sorted().first ?? ""
    }
}
