import DocGraphModel

/// The questions analysts ask a graph without writing SPARQL: which
/// entities, which relations, what is around an entity, what connects two,
/// and everything about one. Names match a label or any alias.
public struct GraphQuery: Sendable {
    public let graph: KnowledgeGraph
    /// The indexes, built on first use: a picture of a big graph asks for none of them, and
    /// building them took a quarter of its time.
    private let lazyIndexes = Lazy<Indexes>()

    /// Names and walks over one graph.
    final class Indexes: Sendable {
        /// Entities by every name they go by, exactly and case-folded; each list in node order.
        let byName: [String: [Subject]]
        /// The graph's relations in key order.
        let relations: [Relation]
        /// Positions in ``relations`` by subject and by object, for walking the graph. Positions, not
        /// copies: a Relation costs a retain per field to copy, and hubs hold thousands.
        let outgoing: [Subject: [Int]]
        let incoming: [Subject: [Int]]

        init(_ graph: KnowledgeGraph) {
            var names: [String: [Subject]] = [:]
            for e in graph.entities.values {
                var folded = [GraphQuery.fold(e.label)]
                for a in e.aliases { let f = GraphQuery.fold(a); if !folded.contains(f) { folded.append(f) } }
                for n in folded { names[n, default: []].append(e.node) }
            }
            // The dictionary's order is not the file's; sorting each (short) list makes answers repeatable.
            for key in names.keys { names[key]?.sort() }
            byName = names
            relations = graph.sortedRelations
            var out: [Subject: [Int]] = [:], inc: [Subject: [Int]] = [:]
            for (i, r) in relations.enumerated() {
                out[r.subject, default: []].append(i)
                inc[r.object, default: []].append(i)
            }
            outgoing = out
            incoming = inc
        }

        /// The relations from `node`, and those to it, in key order.
        func relations(from node: Subject) -> [Relation] { (outgoing[node] ?? []).map { relations[$0] } }
        func relations(to node: Subject) -> [Relation] { (incoming[node] ?? []).map { relations[$0] } }
    }

    var indexes: Indexes { lazyIndexes.value { Indexes(graph) } }

    public init(_ graph: KnowledgeGraph) {
        self.graph = graph
    }

    /// Names compare without case (for Latin names) and full-width forms.
    static func fold(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.map { u in
            (0xFF01...0xFF5E).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u
        }))
    }

    /// A name the graph does not know: an entity's, or a class's or predicate's (`what`).
    public struct NoMatch: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var suggestions: [String]
        public var what = "entity"
        public init(name: String, suggestions: [String], what: String = "entity") {
            self.name = name
            self.suggestions = suggestions
            self.what = what
        }
        public var description: String {
            "no \(what) is called '\(name)'" + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?")
        }
    }

    /// The entities called `name` (label or alias); if none, an error with
    /// the nearest labels: those containing it or contained in it, then the
    /// closest by edit distance.
    public func resolve(_ name: String) throws(NoMatch) -> [Subject] {
        if let nodes = indexes.byName[Self.fold(name)] { return nodes }
        if let iri = IRI(name), graph.entities[.iri(iri)] != nil { return [.iri(iri)] }
        throw NoMatch(name: name, suggestions: suggestions(for: name))
    }

    public func suggestions(for name: String, limit: Int = 5) -> [String] {
        let key = Self.fold(name)
        let labels = graph.sortedEntities.map(\.label)
        // Labels holding the name, held by it, or holding its characters in order (杭州政府 → 杭州市人民政府).
        let containing = labels.filter { l in
            let f = Self.fold(l)
            return f.contains(key) || (key.count >= 2 && key.contains(f)) || (key.count >= 2 && Self.isSubsequence(key, of: f))
        }
        let scored = labels.map { ($0, Self.editDistance(Array(key.unicodeScalars), Array(Self.fold($0).unicodeScalars))) }
            .filter { $0.1 <= max(2, key.unicodeScalars.count / 2) }
            .sorted { ($0.1, $0.0.count, $0.0) < ($1.1, $1.0.count, $1.0) }.map(\.0)
        var out: [String] = []
        for l in containing.sorted(by: { ($0.count, $0) < ($1.count, $1) }) + scored where !out.contains(l) { out.append(l) }
        return Array(out.prefix(limit))
    }

    static func isSubsequence(_ a: String, of b: String) -> Bool {
        var it = b.unicodeScalars.makeIterator()
        return a.unicodeScalars.allSatisfy { u in
            while let v = it.next() { if v == u { return true } }
            return false
        }
    }

    /// Levenshtein distance over scalars: how far a typed name is from a known one.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    public func label(_ node: Subject) -> String { graph.entities[node]?.label ?? KnowledgeGraph.fallbackLabel(node) }

    public func className(_ node: Subject) -> String { graph.entities[node]?.type.displayName ?? "" }

    /// A predicate given as a local name (`enacted`), a prefixed name or a full IRI matches.
    static func predicateMatches(_ p: IRI, _ wanted: String?) -> Bool {
        guard let wanted else { return true }
        if p.string == wanted || p.displayName == wanted { return true }
        if let colon = wanted.firstIndex(of: ":"), !wanted.contains("//") { return p.displayName == wanted[wanted.index(after: colon)...] }
        return false
    }

    // MARK: commands

    public func entities(type: String? = nil, match: String? = nil) -> ResultTable {
        var t = ResultTable(columns: ["name", "class", "aliases", "documents", "iri"])
        let key = match.map(Self.fold)
        for e in graph.sortedEntities {
            if let type, !Self.classMatches(e.type, type) { continue }
            if let key, !([e.label] + e.aliases).contains(where: { Self.fold($0).contains(key) }) { continue }
            t.rows.append([.text(e.label), .text(e.type.displayName), .list(e.aliases.sorted()), .list(e.documents.sorted()), .text(e.node.string)])
        }
        t.rows.sort { ($0[1].text, $0[0].text) < ($1[1].text, $1[0].text) }
        return t
    }

    public func relations(subject: String? = nil, predicate: String? = nil, object: String? = nil,
                          evidence: Bool = false) throws(NoMatch) -> ResultTable {
        let subjects = try subject.map { name throws(NoMatch) in Set(try resolve(name)) }
        let objects = try object.map { name throws(NoMatch) in Set(try resolve(name)) }
        var t = ResultTable(columns: ["subject", "predicate", "object", "role", "confidence", "evidence"])
        if evidence { t.nested["evidence"] = Self.evidenceColumns }
        for r in indexes.relations where Self.predicateMatches(r.predicate, predicate) {
            if let subjects, !subjects.contains(r.subject) { continue }
            if let objects, !objects.contains(r.object) { continue }
            t.rows.append([.text(label(r.subject)), .text(r.predicate.displayName), .text(label(r.object)), .text(r.role ?? ""),
                           .number(r.confidence), evidence ? Self.evidence(r) : .integer(r.evidenceCount)])
        }
        return t
    }

    /// The columns of a piece of evidence: where it was read (the document, its page for a PDF or
    /// a scan, the sentence's offsets in Unicode scalars) and the rule that read it.
    public static let evidenceColumns = ["document", "page", "start", "end", "sentence", "rule"]

    /// A relation's evidence, one row per piece: in text one line each, in JSON an array of objects.
    static func evidence(_ r: Relation) -> ResultValue {
        .table(columns: evidenceColumns, rows: r.provenance.map { p in
            [.text(p.document), .integer(p.page), .integer(p.sentenceStart), .integer(p.sentenceEnd), .text(p.sentence), .text(p.rule)]
        })
    }

    public enum Direction: String, Sendable, CaseIterable { case `in`, out, both }

    /// Entities within `depth` steps of `name`, with the step that first reached each.
    public func neighbors(_ name: String, depth: Int = 1, predicate: String? = nil, direction: Direction = .both) throws(NoMatch) -> ResultTable {
        var t = ResultTable(columns: ["depth", "from", "predicate", "direction", "to", "class"])
        var seen = Set(try resolve(name))
        var frontier = seen.sorted()
        for level in 1...max(depth, 1) {
            var next: [Subject] = []
            for node in frontier {
                for (r, other, dir) in steps(from: node, predicate: predicate, direction: direction) where !seen.contains(other) {
                    seen.insert(other)
                    next.append(other)
                    t.rows.append([.integer(level), .text(label(node)), .text(r.predicate.displayName), .text(dir), .text(label(other)), .text(className(other))])
                }
            }
            frontier = next
            if frontier.isEmpty { break }
        }
        return t
    }

    func steps(from node: Subject, predicate: String?, direction: Direction) -> [(Relation, Subject, String)] {
        var out: [(Relation, Subject, String)] = []
        let indexes = indexes
        if direction != .in {
            for r in indexes.relations(from: node) where Self.predicateMatches(r.predicate, predicate) { out.append((r, r.object, "out")) }
        }
        if direction != .out {
            for r in indexes.relations(to: node) where Self.predicateMatches(r.predicate, predicate) { out.append((r, r.subject, "in")) }
        }
        return out
    }

    /// Every shortest path (edges taken either way) from one entity to
    /// another, up to `maxLength` steps; one row per step.
    public func paths(from: String, to: String, maxLength: Int = 4) throws(NoMatch) -> ResultTable {
        let sources = try resolve(from), targets = Set(try resolve(to))
        var t = ResultTable(columns: ["path", "step", "from", "predicate", "direction", "to"])
        // Breadth first, keeping every parent step at the shortest depth.
        var depthOf: [Subject: Int] = [:]
        var parents: [Subject: [(Subject, Relation, String)]] = [:]
        for s in sources { depthOf[s] = 0 }
        var frontier = sources.sorted()
        var reached: [Subject] = []
        var level = 0
        while !frontier.isEmpty && level < maxLength && reached.isEmpty {
            level += 1
            var next: [Subject] = []
            for node in frontier {
                for (r, other, dir) in steps(from: node, predicate: nil, direction: .both) {
                    if let d = depthOf[other], d < level { continue }
                    if depthOf[other] == nil { depthOf[other] = level; next.append(other) }
                    parents[other, default: []].append((node, r, dir))
                }
            }
            reached = next.filter(targets.contains)
            frontier = next
        }
        var found: [[(Subject, Relation, String, Subject)]] = []
        func unwind(_ node: Subject, _ suffix: [(Subject, Relation, String, Subject)]) {
            if depthOf[node] == 0 { found.append(suffix); return }
            for (p, r, dir) in parents[node] ?? [] where found.count < 100 { unwind(p, [(p, r, dir, node)] + suffix) }
        }
        for target in reached.sorted() { unwind(target, []) }
        for (k, path) in found.enumerated() {
            for (s, step) in path.enumerated() {
                t.rows.append([.integer(k + 1), .integer(s + 1), .text(label(step.0)), .text(step.1.predicate.displayName), .text(step.2),
                               .text(label(step.3))])
            }
        }
        return t
    }

    /// One entity, whole: its names, class, documents, and every edge in and out. In text, one
    /// row per fact; in JSON, one object per entity. A name that several entities go by (市委: the
    /// 市委 of two documents that never name their city, and 杭州市委 whose alias it is) gives the
    /// candidates instead, each with its IRI, class and documents, so that one can be described by
    /// its IRI; their edges are not run together.
    public func describe(_ name: String) throws(NoMatch) -> ResultTable {
        let nodes = try resolve(name)
        guard nodes.count == 1 else { return candidates(nodes) }
        var t = ResultTable(columns: ["field", "value", "detail"])
        var described: [ResultValue] = []
        for node in nodes {
            guard let e = graph.entities[node] else { continue }
            t.rows.append(["name", .text(e.label), .text(e.node.string)])
            t.rows.append(["class", .text(e.type.displayName), .text(e.type.string)])
            for a in e.aliases.sorted() { t.rows.append(["alias", .text(a), ""]) }
            for d in e.documents.sorted() { t.rows.append(["document", .text(d), .text(graph.documents[d]?.title ?? "")]) }
            let attributes = e.attributes.sorted(by: { $0.key < $1.key })
            for (p, values) in attributes {
                for v in values.sorted() { t.rows.append([.text(p.displayName), .text(v.lexicalForm), ""]) }
            }
            let out = indexes.relations(from: node), into = indexes.relations(to: node)
            for r in out { t.rows.append([.text("out: " + r.predicate.displayName), .text(label(r.object)), .text(Self.edgeDetail(r))]) }
            for r in into { t.rows.append([.text("in: " + r.predicate.displayName), .text(label(r.subject)), .text(Self.edgeDetail(r))]) }
            func edge(_ r: Relation, _ end: String, _ other: Subject) -> ResultValue {
                .object([("predicate", .text(r.predicate.displayName)), (end, .text(label(other))), ("role", r.role.map { .text($0) } ?? .null),
                         ("confidence", .number(r.confidence)), ("evidence", .integer(r.evidenceCount))])
            }
            described.append(.object([
                ("name", .text(e.label)), ("iri", .text(e.node.string)), ("class", .text(e.type.displayName)), ("classIRI", .text(e.type.string)),
                ("aliases", .list(e.aliases.sorted())),
                ("documents", documentsValue(e)),
                ("attributes", .object(attributes.map { (key: $0.key.displayName, value: .list($0.value.map(\.lexicalForm).sorted())) })),
                ("out", .array(out.map { edge($0, "object", $0.object) })),
                ("in", .array(into.map { edge($0, "subject", $0.subject) })),
            ]))
        }
        t.document = .array(described)
        return t
    }

    /// The documents that name `e`, each with its title (null when it has none), as a JSON table.
    func documentsValue(_ e: Entity) -> ResultValue {
        .table(columns: ["id", "title"], rows: e.documents.sorted().map { [.text($0), graph.documents[$0]?.title.map { .text($0) } ?? .null] })
    }

    /// An edge's confidence, evidence and role, in words.
    static func edgeDetail(_ r: Relation) -> String {
        "confidence \(r.confidence), \(r.evidenceCount) evidence" + (r.role.map { ", role \($0)" } ?? "")
    }

    /// The entities a name is ambiguous between: for each, a `candidate` row (its label and IRI),
    /// its class, and the documents that name it, in node order; in JSON, one object per candidate.
    func candidates(_ nodes: [Subject]) -> ResultTable {
        var t = ResultTable(columns: ["field", "value", "detail"])
        var listed: [ResultValue] = []
        for node in nodes {
            guard let e = graph.entities[node] else { continue }
            t.rows.append(["candidate", .text(e.label), .text(e.node.string)])
            t.rows.append(["class", .text(e.type.displayName), .text(e.type.string)])
            for d in e.documents.sorted() { t.rows.append(["document", .text(d), .text(graph.documents[d]?.title ?? "")]) }
            listed.append(.object([
                ("candidate", .text(e.label)), ("iri", .text(e.node.string)), ("class", .text(e.type.displayName)),
                ("documents", documentsValue(e)),
            ]))
        }
        t.document = .array(listed)
        return t
    }
}
