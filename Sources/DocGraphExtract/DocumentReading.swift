import DocGraphModel

/// One document on its way through the extractor's stages, each one call:
/// ``findMentions()`` (the rules' and the tagger's names, sentence by
/// sentence), ``buildEntityTable()`` (one entity per canonical name, with its
/// names), ``structuralRelations()`` (what a name's own structure says: a
/// committee inside its body, a decision revising a regulation) and the
/// relations the text states, read by the cue frames (``ruleRelations()``) or
/// decided by the trained model (``learnedRelations(_:)``).
struct DocumentReading: Sendable {
    let extractor: Extractor
    let doc: TextDocument
    /// The normalized text (see ``TextNormalizer``): what the rules match.
    let s: [Unicode.Scalar]
    let orgs: OrganizationFinder
    let regulations: RegulationFinder
    let programs: ProgramFinder
    var people: PersonFinder
    let context: DocumentContext
    let sentences: [Range<Int>]
    /// How entities are named (see ``EntityNames``).
    var names: EntityNames
    var index: LexiconIndex { extractor.index }

    /// What the mention stage found in one sentence.
    struct SentenceMentions {
        var range: Range<Int>
        /// Non-overlapping, in text order: the names the extractor keeps.
        var mentions: [Mention]
        /// Every name the rules and the tagger proposed, overlapping ones too (the entity tagger weighs them).
        var candidates: [Mention]
        /// The posts the rules read (a person, the title, the body it belongs to).
        var posts: [PersonFinder.Post]
    }
    var readings: [SentenceMentions] = []
    /// The first person of each surname found with a post, for short references (王书记).
    var persons: [Unicode.Scalar: Mention] = [:]

    /// An entity found in the document, its names gathered over all its mentions.
    struct FoundEntity {
        var node: Subject
        var kind: EntityKind
        var label: String
        var aliases: Set<CodePointKey> = []
        /// False for a node only named as a candidate relation's end, never kept.
        var mentioned = false
    }
    var found: [FoundEntity] = []
    /// Kind → label → index in `found`, so each IRI is minted once.
    var foundIndex: [EntityKind: [CodePointKey: Int]] = [:]
    /// Relations decided, added to the graph with the entities at the end.
    var relations: [Relation] = []
    /// The text of the sentence the last relation was read in: relations come sentence by
    /// sentence, and a sentence's text (up to 2,000 scalars) is built once, not once per edge.
    var sentenceText: (range: Range<Int>, text: String)?
    /// The trained scorer's decisions, when explaining.
    var decisions: [Extractor.RelationDecision] = []

    init(_ extractor: Extractor, _ doc: TextDocument) {
        self.extractor = extractor
        self.doc = doc
        s = extractor.normalizer.normalize(doc.scalars)
        orgs = OrganizationFinder(index: extractor.index, scalars: s, original: doc.scalars)
        regulations = RegulationFinder(index: extractor.index, scalars: s, original: doc.scalars)
        programs = ProgramFinder(index: extractor.index, scalars: s, original: doc.scalars)
        sentences = SentenceSplitter.split(s)
        people = PersonFinder(organizations: orgs)
        if let tagger = extractor.tagger {
            // The tagger reads the simplified text (same offsets): it was trained on simplified
            // Chinese, and reads traditional names (陳國華) as it reads their simplified forms.
            people.tagged = TaggerReading(model: tagger, scalars: s, sentences: sentences,
                                          minimumNameScore: Float(extractor.rules.policy.taggerNameMinimumScore))
        }
        context = extractor.documentContext(s, orgs, metadata: doc.source)
        names = EntityNames(script: DocumentScript(original: doc.scalars, normalized: s))
    }

    // MARK: - Stage 1: mentions

    /// The rules' mentions of every sentence, the posts they read, and the tagger's names no rule found.
    mutating func findMentions() {
        var nextTagged = (persons: 0, organizations: 0, works: 0)   // the tagger's spans, in order: the first not yet reached
        for sentence in sentences {
            let orgMentions = orgs.find(in: sentence, context: context)
            var mentions = orgMentions
            mentions += regulations.find(in: sentence)
            mentions += programs.find(in: sentence)
            let posts = people.find(in: sentence, organizationMentions: orgMentions, context: context)
            for post in posts {
                mentions.append(post.person)
                let surname = s[post.person.range.lowerBound]
                if persons[surname] == nil { persons[surname] = post.person }
            }
            if extractor.tagger != nil {
                mentions += extractor.taggerMentions(doc, s, people.tagged, in: sentence, orgs: orgs, context: context, next: &nextTagged,
                                                     besides: mentions)
            }
            mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            // Keep the first of overlapping mentions (a quoted name inside a regulation title, say).
            var kept: [Mention] = []
            for m in mentions where kept.last.map({ $0.range.upperBound <= m.range.lowerBound }) ?? true { kept.append(m) }
            readings.append(SentenceMentions(range: sentence, mentions: kept, candidates: mentions, posts: posts))
        }
    }

    var allMentions: [Mention] { readings.flatMap(\.mentions) }

    // MARK: - Stage 2: the entity table

    /// The name of the entity a mention names (``EntityNames/label(_:)``).
    func label(_ m: Mention) -> String { names.label(m) }

    /// The entity a mention names, minted on first use.
    mutating func entityIndex(_ m: Mention) -> Int {
        let label = names.label(m)
        let key = CodePointKey(label)
        if let i = foundIndex[m.kind]?[key] { return i }
        let base = extractor.entityBases[Int(m.kind.ordinal)]
        // A body named only by its kind (市委 where the document never names its city) is this
        // document's: the same words in another document may name another city's body.
        let iri = m.kind == .organization && index.placelessNames.contains(label)
            ? IRIMinting.entity(base: base, name: label, document: doc.id) : IRIMinting.entity(base: base, name: label)
        found.append(FoundEntity(node: .iri(iri), kind: m.kind, label: label))
        foundIndex[m.kind, default: [:]][key] = found.count - 1
        return found.count - 1
    }

    mutating func node(_ m: Mention) -> Subject { found[entityIndex(m)].node }

    /// Records a mention's names on its entity, and that the entity is in the graph.
    @discardableResult
    mutating func collect(_ m: Mention) -> Int {
        let i = entityIndex(m)
        found[i].mentioned = true
        // A body a post title implies (市长 → the city government) is not named by the title: a
        // title is no alias of a body.
        if m.rule != .organizationImpliedByPost { found[i].aliases.insert(CodePointKey(m.surface)) }
        for a in m.aliases { found[i].aliases.insert(CodePointKey(a)) }
        if found[i].label != m.canonical { found[i].aliases.insert(CodePointKey(m.canonical)) }
        return i
    }

    /// Every kept mention becomes (part of) an entity; short forms join their full names, and
    /// a surname with a post title (王书记) joins the person of that surname found with a post.
    mutating func buildEntityTable() {
        found = []
        foundIndex = [:]
        for k in readings.indices {
            for j in readings[k].mentions.indices where readings[k].mentions[j].kind == .person {
                let m = readings[k].mentions[j]
                guard m.range.count >= 2, let person = persons[s[m.range.lowerBound]], person.range != m.range,
                      let title = people.title(at: m.range.lowerBound + 1),
                      title.title.unicodeScalars.count == m.range.count - 1 else { continue }
                readings[k].mentions[j].canonical = person.canonical
                readings[k].mentions[j].aliases = [m.surface]
            }
        }
        resolveShortBodyNames()
        let all = allMentions
        names.programs = extractor.programShortForms(all)
        names.regulations = extractor.regulationShortForms(all)
        if let author = context.author { collect(author) }
        for m in all { collect(m) }
    }

    // MARK: - Stage 3: structural relations

    /// What names say by their structure: 《某人大常委会关于修改〈X〉的决定》 (the body the title names,
    /// else the author, amended X), and a committee named inside its body (partOf).
    mutating func structuralRelations() {
        rosterPosts()
        for reading in readings {
            for m in reading.mentions {
                if !m.revises.isEmpty, let issuer = orgs.find(in: m.range.dropFirst(), context: context).first(where: {
                    $0.range.lowerBound == m.range.lowerBound + 1 }) ?? context.author {
                    collect(issuer)
                    for revised in m.revises {
                        collect(revised)
                        add(subject: issuer, DG.term("amended"), object: revised, in: reading.range, subjectRange: issuer.range, objectRange: revised.range,
                            rule: Extractor.revisionRule, confidence: extractor.rules.policy.revisionConfidence)
                    }
                }
                for parent in m.parent {
                    collect(parent)
                    add(subject: m, DG.term("partOf"), object: parent, in: reading.range, subjectRange: m.range, objectRange: parent.range,
                        rule: Extractor.partOfRule, confidence: extractor.rules.policy.partOfConfidence)
                }
            }
        }
    }

    /// A roster under the body it staffs, each line a name and a post, a label leading the first
    /// (成立县防汛工作领导小组: / 组长:王明 县委常委 / 成员:李强 县财政局局长 / 赵平 县水利局局长): every name
    /// on its lines holds a post in that body, under the last label (组长, 成员). The roster ends at the
    /// first line that starts with no name.
    mutating func rosterPosts() {
        var group: Mention?
        var label: String?
        for reading in readings {
            var i = reading.range.lowerBound
            while i < reading.range.upperBound, s[i] == " " || s[i] == "\n" { i += 1 }
            // A label: a few Han characters (spaces allowed, 组 长) and a colon.
            var lineLabel: String?
            var k = i
            while k < reading.range.upperBound, k - i <= 6, PersonFinder.isHan(s[k]) || s[k] == " " { k += 1 }
            if k > i, k < reading.range.upperBound, s[k] == ":" {
                lineLabel = String(String.UnicodeScalarView(doc.scalars[i..<k].filter { $0 != " " && $0 != "\u{3000}" }))
                k += 1
                while k < reading.range.upperBound, s[k] == " " { k += 1 }
            } else {
                k = i
            }
            if let body = group, lineLabel != nil || label != nil,
               let person = reading.mentions.first(where: { $0.kind == .person && $0.range.lowerBound == k }) {
                if let lineLabel { label = lineLabel }
                collect(person)
                collect(body)
                add(subject: person, DG.term("holdsPosition"), object: body, role: label, in: reading.range,
                    subjectRange: person.range, objectRange: body.range, rule: Extractor.rosterRule, confidence: extractor.rules.policy.rosterConfidence)
                continue
            }
            group = nil
            label = nil
            // A line ending in a colon after a body's name heads a roster, when one follows.
            var end = reading.range.upperBound
            while end > reading.range.lowerBound, s[end - 1] == " " || s[end - 1] == "\n" { end -= 1 }
            if end > reading.range.lowerBound, s[end - 1] == ":",
               let body = reading.mentions.last(where: { $0.range.upperBound <= end - 1 }), body.kind == .organization,
               body.range.upperBound >= end - 2 {
                group = body
            }
        }
    }

    /// An edge a stage decided on, before it is added to the document's relations.
    struct DecidedEdge {
        var subject: Mention
        var predicate: IRI
        var object: Mention
        var role: String?
        var sentence: Range<Int>
        var subjectRange: Range<Int>?
        var objectRange: Range<Int>?
        var rule: String
        var confidence: Double
        /// Relation ends no kept mention names, to be entities of the graph all the same (the author,
        /// a body a post title implies).
        var collects: [Mention]
    }

    mutating func apply(_ edge: DecidedEdge) {
        for m in edge.collects { collect(m) }
        add(subject: edge.subject, edge.predicate, object: edge.object, role: edge.role, in: edge.sentence,
            subjectRange: edge.subjectRange, objectRange: edge.objectRange, rule: edge.rule, confidence: edge.confidence)
    }

    /// Records a relation between two mentions' entities.
    mutating func add(subject: Mention, _ predicate: IRI, object: Mention, role: String? = nil, in sentence: Range<Int>,
                      subjectRange: Range<Int>?, objectRange: Range<Int>?, rule: String, confidence: Double) {
        let a = node(subject), b = node(object)
        guard a != b else { return }
        if sentenceText?.range != sentence { sentenceText = (sentence, doc.text(sentence)) }
        let p = doc.provenance(sentence, text: sentenceText?.text ?? doc.text(sentence), subject: subjectRange, object: objectRange, rule: rule)
        relations.append(Relation(subject: a, predicate: predicate, object: b, role: role, confidence: confidence, provenance: [p]))
    }


    // MARK: - The graph

    /// The document, its entities (those kept), its relations and the short references to its people.
    func write(into graph: inout KnowledgeGraph) {
        graph.add(doc.document)
        for e in found where e.mentioned {
            graph.add(Entity(node: e.node, type: extractor.entityTypes[Int(e.kind.ordinal)], label: e.label, aliases: Set(e.aliases.map(\.string)),
                             documents: [doc.id]))
        }
        for r in relations { graph.add(r) }
        addShortReferences(to: &graph)
    }

    /// 王书记 refers to 王明, the first person of that surname found with a post.
    func addShortReferences(to graph: inout KnowledgeGraph) {
        guard !persons.isEmpty else { return }
        let surnames = ScalarSet(persons.keys)
        for i in s.indices.dropLast() where surnames.contains(s[i]) {
            guard let person = persons[s[i]], let title = people.title(at: i + 1) else { continue }
            let kind = Int(EntityKind.person.ordinal)
            graph.add(Entity(node: .iri(IRIMinting.entity(base: extractor.entityBases[kind], name: person.canonical)), type: extractor.entityTypes[kind],
                             label: person.canonical, aliases: [String(s[i]) + title.title], documents: [doc.id]))
        }
    }
}

/// How a reading names its entities: a program's short form gives way to its full name, a
/// regulation's too, and a body's name the rules built from the lexicons is written in the
/// document's script. Kept apart from the reading, so that naming an entity while the reading
/// changes never copies the reading.
struct EntityNames: Sendable {
    let script: DocumentScript
    /// Short form → full name, once every mention is known.
    var programs: [CodePointKey: String] = [:]
    var regulations: [CodePointKey: String] = [:]

    func label(_ m: Mention) -> String {
        switch m.kind {
        case .program: return programs[CodePointKey(m.canonical)] ?? m.canonical
        case .regulation: return regulations[CodePointKey(m.canonical)] ?? m.canonical
        case .organization: return m.rule == .organizationTagger || m.rule == .organizationLearned ? m.canonical : script.write(m.canonical)
        case .person: return m.canonical
        }
    }
}

extension TextDocument {
    /// The evidence of a relation read in `sentence` (whose text is `text`), with its ends' offsets.
    func provenance(_ sentence: Range<Int>, text: String, subject: Range<Int>?, object: Range<Int>?, rule: String) -> Provenance {
        Provenance(document: id, sentence: text, sentenceStart: sentence.lowerBound, sentenceEnd: sentence.upperBound,
                   subjectStart: subject?.lowerBound, subjectEnd: subject?.upperBound,
                   objectStart: object?.lowerBound, objectEnd: object?.upperBound, rule: rule,
                   page: page(at: sentence.lowerBound))
    }
}
