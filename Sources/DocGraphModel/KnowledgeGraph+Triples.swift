/// The RDF form of a ``KnowledgeGraph``: how entities, relations,
/// provenance and documents become triples, and how they come back.
///
/// Each relation is written twice over: as the plain triple `s p o`, which
/// every store and query sees (once, however many roles the fact has), and
/// as an `rdf:Statement` carrying the
/// role, the confidence and one `dg:Evidence` per supporting sentence
/// (`prov:wasDerivedFrom` the document). Ontology/README.md shows an example.
extension KnowledgeGraph {
    /// Emits the graph's triples in a fixed order: documents, entities,
    /// then relations with their statements.
    public func forEachTriple(_ emit: (Triple) throws -> Void) rethrows {
        func lit(_ s: String, _ lang: String?) -> Term {
            .literal(lang.map { Literal(s, language: $0) } ?? Literal(s))
        }
        func int(_ n: Int) -> Term { .literal(Literal(String(n), datatype: XSD.integer)) }

        var mentioned: [String: [Subject]] = [:]
        for e in sortedEntities { for d in e.documents { mentioned[d, default: []].append(e.node) } }
        for d in sortedDocuments {
            let s = Subject.iri(d.iri)
            try emit(Triple(s, RDF.type, .iri(DG.document)))
            try emit(Triple(s, DCTerms.identifier, lit(d.id, nil)))
            if let t = d.title { try emit(Triple(s, DCTerms.title, lit(t, nil))) }
            if let t = d.date { try emit(Triple(s, DCTerms.date, lit(t, nil))) }
            if let t = d.source { try emit(Triple(s, DCTerms.source, lit(t, nil))) }
            try emit(Triple(s, DG.checksum, lit(d.checksum, nil)))
            if let t = d.location { try emit(Triple(s, DG.location, lit(t, nil))) }
            if let t = d.format { try emit(Triple(s, DCTerms.format, lit(t, nil))) }
            for e in mentioned[d.id] ?? [] { try emit(Triple(s, DG.mentions, e.term)) }
        }
        for e in sortedEntities {
            try emit(Triple(e.node, RDF.type, .iri(e.type)))
            try emit(Triple(e.node, SKOS.prefLabel, lit(e.label, e.language)))
            try emit(Triple(e.node, RDFS.label, lit(e.label, e.language)))
            for a in e.aliases.sorted() { try emit(Triple(e.node, SKOS.altLabel, lit(a, e.language))) }
            for p in e.attributes.keys.sorted() {
                for v in e.attributes[p, default: []].sorted() { try emit(Triple(e.node, p, .literal(v))) }
            }
        }
        // One fact in two roles is two statements but one plain triple: relations come sorted by
        // subject, predicate and object, so the statements of one fact are neighbours.
        var plain: Triple?
        for r in sortedRelations {
            let fact = Triple(r.subject, r.predicate, r.object.term)
            if fact != plain { try emit(fact) }
            plain = fact
            let stmtIRI = IRIMinting.statement(r.key)
            let stmt = Subject.iri(stmtIRI)
            try emit(Triple(stmt, RDF.type, .iri(RDF.statement)))
            try emit(Triple(stmt, RDF.subject, r.subject.term))
            try emit(Triple(stmt, RDF.predicate, .iri(r.predicate)))
            try emit(Triple(stmt, RDF.object, r.object.term))
            if let role = r.role { try emit(Triple(stmt, DG.role, lit(role, "zh-Hans"))) }
            try emit(Triple(stmt, DG.confidence, .literal(Literal(String(r.confidence), datatype: XSD.double))))
            for p in r.provenance {
                let evIRI = IRIMinting.evidence(statement: stmtIRI, p)
                let ev = Subject.iri(evIRI)
                try emit(Triple(stmt, DG.hasEvidence, .iri(evIRI)))
                try emit(Triple(ev, RDF.type, .iri(DG.evidence)))
                try emit(Triple(ev, PROV.wasDerivedFrom, .iri(Document.iri(forID: p.document))))
                try emit(Triple(ev, DG.sentence, lit(p.sentence, "zh-Hans")))
                try emit(Triple(ev, DG.sentenceStart, int(p.sentenceStart)))
                try emit(Triple(ev, DG.sentenceEnd, int(p.sentenceEnd)))
                if let n = p.subjectStart { try emit(Triple(ev, DG.subjectStart, int(n))) }
                if let n = p.subjectEnd { try emit(Triple(ev, DG.subjectEnd, int(n))) }
                if let n = p.objectStart { try emit(Triple(ev, DG.objectStart, int(n))) }
                if let n = p.objectEnd { try emit(Triple(ev, DG.objectEnd, int(n))) }
                if let n = p.page { try emit(Triple(ev, DG.page, int(n))) }
                try emit(Triple(ev, DG.rule, lit(p.rule, nil)))
            }
        }
    }

    /// All triples, in the order ``forEachTriple(_:)`` gives.
    public var triples: [Triple] {
        var out: [Triple] = []
        forEachTriple { out.append($0) }
        return out
    }

    /// Rebuilds a graph from triples: the inverse of ``forEachTriple(_:)``
    /// for DocGraph's own output, and a property-graph view of any other
    /// RDF — typed or linked resources become entities, IRI-valued triples
    /// become relations, literal-valued ones become attributes.
    public init(triples: some Sequence<Triple>) {
        var builder = KnowledgeGraphBuilder()
        for t in triples { builder.consume(t) }
        self.init(builder)
    }

    /// The graph of the triples a builder gathered (see ``KnowledgeGraphBuilder``).
    public init(_ builder: KnowledgeGraphBuilder) {
        self.init()
        let bySubject = builder.bySubject
        let linking = builder.linking

        // Each subject's own triples are passed along rather than looked up again: hashing IRIs was most
        // of the time this took.
        typealias Triples = [(IRI, Term)]
        func types(_ pos: Triples) -> [IRI] { pos.compactMap { $0.0 == RDF.type ? $0.1.iri : nil }.sorted() }
        func hasType(_ pos: Triples, _ type: IRI) -> Bool { pos.contains { $0.0 == RDF.type && $0.1.iri == type } }
        func literal(_ pos: Triples, _ p: IRI) -> Literal? { pos.compactMap { $0.0 == p ? $0.1.literal : nil }.min() }
        func integer(_ pos: Triples, _ p: IRI) -> Int? { literal(pos, p).flatMap { Int($0.lexicalForm) } }

        var reserved = Set<Subject>()
        var documentIDs: [IRI: String] = [:]
        for (s, pos) in bySubject where hasType(pos, DG.document) {
            guard case .iri(let iri) = s else { continue }
            let id = literal(pos, DCTerms.identifier)?.lexicalForm ?? iri.string
            documentIDs[iri] = id
            add(Document(id: id, title: literal(pos, DCTerms.title)?.lexicalForm,
                         date: literal(pos, DCTerms.date)?.lexicalForm,
                         source: literal(pos, DCTerms.source)?.lexicalForm,
                         checksum: literal(pos, DG.checksum)?.lexicalForm ?? "",
                         location: literal(pos, DG.location)?.lexicalForm, format: literal(pos, DCTerms.format)?.lexicalForm))
            reserved.insert(s)
        }
        // Statements and their evidence carry provenance; collect them first.
        var statements: [RelationKey: (confidence: Double, provenance: [Provenance])] = [:]
        var stated = Set<Triple>()
        for (s, pos) in bySubject where hasType(pos, RDF.statement) {
            func object(_ p: IRI) -> Term? { pos.first { $0.0 == p }?.1 }
            guard let subj = object(RDF.subject)?.subject, let pred = object(RDF.predicate)?.iri,
                  let obj = object(RDF.object)?.subject else { continue }
            reserved.insert(s)
            let role = literal(pos, DG.role)?.lexicalForm
            // Shards of one collection may each state a confidence: the fact's is the highest.
            let confidence = pos.compactMap { $0.0 == DG.confidence ? $0.1.literal.flatMap { Double($0.lexicalForm) } : nil }.max() ?? 1
            var provenance: [Provenance] = []
            for (p, o) in pos where p == DG.hasEvidence {
                guard let ev = o.subject else { continue }
                reserved.insert(ev)
                let evs = bySubject[ev] ?? []
                let doc = evs.first { $0.0 == PROV.wasDerivedFrom }?.1.iri
                provenance.append(Provenance(
                    document: doc.map { documentIDs[$0] ?? $0.string } ?? "",
                    sentence: literal(evs, DG.sentence)?.lexicalForm ?? "",
                    sentenceStart: integer(evs, DG.sentenceStart) ?? 0, sentenceEnd: integer(evs, DG.sentenceEnd) ?? 0,
                    subjectStart: integer(evs, DG.subjectStart), subjectEnd: integer(evs, DG.subjectEnd),
                    objectStart: integer(evs, DG.objectStart), objectEnd: integer(evs, DG.objectEnd),
                    rule: literal(evs, DG.rule)?.lexicalForm ?? "", page: integer(evs, DG.page)))
            }
            statements[RelationKey(subject: subj, predicate: pred, object: obj, role: role)] = (confidence, provenance)
            stated.insert(Triple(subj, pred, obj.term))
        }
        // Compared, not hashed: four IRIs, and most graphs reserve no node and state no triple (each test
        // below was a hash of a whole IRI or triple per triple).
        func isNameOrBookkeeping(_ p: IRI) -> Bool { p == RDF.type || p == SKOS.prefLabel || p == SKOS.altLabel || p == RDFS.label }
        func isReserved(_ s: Subject) -> Bool { !reserved.isEmpty && reserved.contains(s) }

        // Entities: every typed resource, and every resource a relation touches.
        var entityNodes = Set<Subject>()
        for (s, pos) in bySubject where !isReserved(s) {
            var isEntity = pos.contains { ($0.0 == RDF.type && $0.1.iri != nil) || $0.0 == SKOS.prefLabel || $0.0 == RDFS.label }
            for (p, o) in pos where !isNameOrBookkeeping(p) {
                if let os = o.subject, !isReserved(os) { isEntity = true; entityNodes.insert(os) }
            }
            if isEntity { entityNodes.insert(s) }
        }
        reserveCapacity(entities: entityNodes.count, relations: linking)
        var mentionedIn: [Subject: Set<String>] = [:]
        for (s, pos) in bySubject where isReserved(s) {
            guard case .iri(let iri) = s, let id = documentIDs[iri] else { continue }
            for (p, o) in pos where p == DG.mentions {
                if let os = o.subject { mentionedIn[os, default: []].insert(id) }
            }
        }
        for node in entityNodes {
            let pos = bySubject[node] ?? []
            let pref = literal(pos, SKOS.prefLabel) ?? literal(pos, RDFS.label)
            let label = pref?.lexicalForm ?? Self.fallbackLabel(node)
            var aliases = Set<String>()
            var attributes: [IRI: Set<Literal>] = [:]
            for (p, o) in pos {
                guard let l = o.literal else { continue }
                switch p {
                case SKOS.altLabel: aliases.insert(l.lexicalForm)
                case SKOS.prefLabel where l == pref: continue
                case RDFS.label where l.lexicalForm == label: continue
                default: attributes[p, default: []].insert(l)
                }
            }
            add(Entity(node: node, type: types(pos).first ?? IRI(unchecked: RDFS.namespace + "Resource"),
                       label: label, language: pref?.language, aliases: aliases, attributes: attributes,
                       documents: mentionedIn[node] ?? []))
        }
        // Relations: IRI- or blank-valued triples between entities.
        for (s, pos) in bySubject where entityNodes.contains(s) {
            for (p, o) in pos where p != RDF.type {
                guard let os = o.subject, entityNodes.contains(os) else { continue }
                if !stated.isEmpty && stated.contains(Triple(s, p, o)) { continue }
                add(Relation(subject: s, predicate: p, object: os))
            }
        }
        for (key, value) in statements {
            add(Relation(subject: key.subject, predicate: key.predicate, object: key.object, role: key.role,
                         confidence: value.confidence, provenance: value.provenance))
        }
    }

    /// A readable name for a node that has no label: its IRI's local name.
    public static func fallbackLabel(_ node: Subject) -> String {
        switch node {
        case .iri(let i): return i.displayName
        case .blank(let b): return b.id
        }
    }
}
