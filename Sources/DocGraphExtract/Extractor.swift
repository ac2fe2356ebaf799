import DocGraphModel
import DocGraphOntology
import DocGraphTagger

/// Turns one document into a graph with the rules of an `Ontology/` folder:
/// sentences → mentions → entities merged by canonical name → relations
/// from cue frames, each edge with its sentence, offsets and rule.
public struct Extractor: Sendable {
    public let rules: ExtractionRules
    /// The place of documents that do not name their own (`--place`): short forms such as 市委 resolve to it.
    public var defaultPlace: String?
    let index: LexiconIndex
    let normalizer: TextNormalizer

    /// The statistical tagger fused with the rules (`--tagger hybrid`), or nil for the rules alone.
    public var tagger: TaggerModel?

    public init(rules: ExtractionRules, defaultPlace: String? = nil, tagger: TaggerModel? = nil) {
        self.rules = rules
        self.tagger = tagger
        self.defaultPlace = defaultPlace
        index = LexiconIndex(rules: rules)
        normalizer = TextNormalizer(traditionalToSimplified: rules.traditionalToSimplified)
    }

    /// Everything read from one document, for `explain` and tests.
    public struct Reading: Sendable {
        public var graph: KnowledgeGraph
        public var mentions: [Mention]
        /// The sentences the text was cut into, as scalar ranges.
        public var sentences: [Range<Int>]
    }

    public func extract(_ doc: TextDocument) -> KnowledgeGraph { read(doc).graph }

    /// How sure each rule is: a relation's confidence is the highest among the rules of its evidence.
    static let postTitleConfidence = 0.85
    /// A post frame whose name the tagger found too.
    static let confirmedPostTitleConfidence = 0.9
    /// A frame with an end only the tagger found is this much less sure.
    static let taggerOnlyFactor = 0.9
    /// Rule ids say whether the tagger took part, so that a confidence is always a function of its rule:
    /// a post frame whose name the tagger confirmed, a cue frame with an end only the tagger found.
    static let confirmedByTagger = "+tagger-confirmed"
    static let foundByTaggerOnly = "+tagger-only"

    /// A committee or office named right after its body (省人大常委会财政经济工作委员会) is part of it.
    static let partOfRule = "partOf.named-inside"
    static let partOfConfidence = 0.9
    /// A decision whose title says it revises a regulation (关于修改〈X〉的决定).
    static let revisionRule = "amended.decision-title"
    static let revisionConfidence = 0.85

    public func confidence(ofRule rule: String) -> Double? {
        if rule == Self.partOfRule { return Self.partOfConfidence }
        if rule == Self.revisionRule { return Self.revisionConfidence }
        if rule.hasSuffix(Self.foundByTaggerOnly) {
            return confidence(ofRule: String(rule.dropLast(Self.foundByTaggerOnly.count))).map { $0 * Self.taggerOnlyFactor }
        }
        if rule == "holdsPosition.post-title" + Self.confirmedByTagger { return Self.confirmedPostTitleConfidence }
        return rule == "holdsPosition.post-title" ? Self.postTitleConfidence : rules.frames.first { $0.rule == rule }?.confidence
    }

    /// Adds what `doc` says to `graph`: the same as merging ``extract(_:)``'s
    /// graph into it, without building and merging a graph per document.
    public func extract(_ doc: TextDocument, into graph: inout KnowledgeGraph) { _ = read(doc, into: &graph) }

    public func read(_ doc: TextDocument) -> Reading {
        var graph = KnowledgeGraph()
        let (mentions, sentences) = read(doc, into: &graph)
        return Reading(graph: graph, mentions: mentions, sentences: sentences)
    }

    /// An entity found in one document, its names gathered over all its mentions.
    struct FoundEntity {
        var node: Subject
        var type: IRI
        var label: String
        var aliases: Set<CodePointKey> = []
        /// False for a node only named as a relation's end, never as a mention kept in the text.
        var mentioned = false
    }

    func read(_ doc: TextDocument, into graph: inout KnowledgeGraph) -> (mentions: [Mention], sentences: [Range<Int>]) {
        let s = normalizer.normalize(doc.scalars)
        let orgs = OrganizationFinder(rules: rules, index: index, scalars: s, original: doc.scalars)
        let regulations = RegulationFinder(index: index, scalars: s, original: doc.scalars)
        let programs = ProgramFinder(index: index, scalars: s, original: doc.scalars)
        let sentences = SentenceSplitter.split(s)
        var people = PersonFinder(organizations: orgs)
        if let tagger { people.tagged = TaggerReading(model: tagger, scalars: doc.scalars, sentences: sentences) }
        let context = documentContext(s, orgs, metadata: doc.source)
        graph.add(doc.document)
        var all: [Mention] = []
        var programNames: [CodePointKey: String] = [:]   // short form → full name, filled once all mentions are known
        var regulationNames: [CodePointKey: String] = [:]   // the same for regulations
        var found: [FoundEntity] = []   // added to the graph once, at the end
        var foundIndex: [String: [CodePointKey: Int]] = [:]   // kind → name → index in `found`, so IRIs are minted once
        let script = DocumentScript(original: doc.scalars, normalized: s)
        /// The entity's name: a program's short form gives way to its full name; a body's name the rules
        /// built from the lexicons is written in the document's script.
        func label(_ m: Mention) -> String {
            if m.kind == "Program" { return programNames[CodePointKey(m.canonical)] ?? m.canonical }
            if m.kind == "Regulation" { return regulationNames[CodePointKey(m.canonical)] ?? m.canonical }
            return m.kind == "Organization" && m.rule != "organization.tagger" ? script.write(m.canonical) : m.canonical
        }
        func entityIndex(_ m: Mention) -> Int {
            let label = label(m)
            let key = CodePointKey(label)
            if let i = foundIndex[m.kind]?[key] { return i }
            let type = DG.term(m.kind)
            found.append(FoundEntity(node: .iri(IRIMinting.entity(type: type, name: label)), type: type, label: label))
            foundIndex[m.kind, default: [:]][key] = found.count - 1
            return found.count - 1
        }
        func node(_ m: Mention) -> Subject { found[entityIndex(m)].node }
        func collect(_ m: Mention) {
            let i = entityIndex(m)
            found[i].mentioned = true
            found[i].aliases.insert(CodePointKey(m.surface))
            for a in m.aliases { found[i].aliases.insert(CodePointKey(a)) }
            if found[i].label != m.canonical { found[i].aliases.insert(CodePointKey(m.canonical)) }
        }
        if let author = context.author { collect(author) }
        var persons: [Unicode.Scalar: Mention] = [:]   // surname → person, for short references (王书记)
        var nextTagged = (persons: 0, organizations: 0, works: 0)   // the tagger's spans, in order: the first not yet reached
        var readings: [(Range<Int>, [Mention])] = []
        for sentence in sentences {
            let orgMentions = orgs.find(in: sentence, context: context)
            var mentions = orgMentions
            mentions += regulations.find(in: sentence)
            mentions += programs.find(in: sentence)
            let posts = people.find(in: sentence, organizationMentions: orgMentions, context: context)
            let sentenceText = posts.isEmpty ? "" : doc.text(sentence)
            for post in posts {
                mentions.append(post.person)
                let surname = s[post.person.range.lowerBound]
                if persons[surname] == nil { persons[surname] = post.person }
                guard let org = post.organization else { continue }
                collect(org)
                let confirmed = post.person.taggerScore != nil
                let p = provenance(doc, sentence, sentenceText, subject: post.person.range, object: org.range,
                                   rule: "holdsPosition.post-title" + (confirmed ? Self.confirmedByTagger : ""))
                graph.add(Relation(subject: node(post.person), predicate: DG.term("holdsPosition"), object: node(org), role: post.role,
                                   confidence: confirmed ? Self.confirmedPostTitleConfidence : Self.postTitleConfidence,
                                   provenance: [p]))
            }
            if tagger != nil {
                mentions += taggerMentions(doc, s, people.tagged, in: sentence, orgs: orgs, context: context, next: &nextTagged,
                                           besides: mentions)
            }
            mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            // Keep the first of overlapping mentions (a quoted name inside a regulation title, say).
            var kept: [Mention] = []
            for m in mentions where kept.last.map({ $0.range.upperBound <= m.range.lowerBound }) ?? true { kept.append(m) }
            for m in kept {
                if !m.revises.isEmpty, let issuer = orgs.find(in: m.range.dropFirst(), context: context).first(where: {
                    $0.range.lowerBound == m.range.lowerBound + 1 }) ?? context.author {
                    // 《某人大常委会关于修改〈X〉的决定》: the body the title names (else the author) amended X.
                    collect(issuer)
                    for revised in m.revises {
                        collect(revised)
                        let p = provenance(doc, sentence, doc.text(sentence), subject: issuer.range, object: revised.range, rule: Self.revisionRule)
                        graph.add(Relation(subject: node(issuer), predicate: DG.term("amended"), object: node(revised),
                                           confidence: Self.revisionConfidence, provenance: [p]))
                    }
                }
                for parent in m.parent {
                    collect(parent)
                    let p = provenance(doc, sentence, doc.text(sentence), subject: m.range, object: parent.range, rule: Self.partOfRule)
                    graph.add(Relation(subject: node(m), predicate: DG.term("partOf"), object: node(parent),
                                       confidence: Self.partOfConfidence, provenance: [p]))
                }
            }
            readings.append((sentence, kept))
            all += kept
        }
        programNames = programShortForms(all)
        regulationNames = regulationShortForms(all)
        for m in all { collect(m) }
        for e in found where e.mentioned {
            graph.add(Entity(node: e.node, type: e.type, label: e.label, aliases: Set(e.aliases.map(\.string)), documents: [doc.id]))
        }
        addShortReferences(doc, s, people, persons: persons, to: &graph)
        for (sentence, mentions) in readings where !mentions.isEmpty {
            var text: String?   // built when the sentence gives its first edge
            func sentenceText() -> String {
                if let text { return text }
                text = doc.text(sentence)
                return text!
            }
            let clauses = SentenceSplitter.clauses(s, in: sentence)
            let opensWithPerson = mentions[0].kind == "Person" && clauses.first?.contains(mentions[0].range.lowerBound) == true
            var m = 0   // mentions are in order: each clause takes the next run of them
            for clause in clauses {
                while m < mentions.count && mentions[m].range.lowerBound < clause.lowerBound { m += 1 }
                var inClause: [Mention] = []
                var k = m
                while k < mentions.count && mentions[k].range.lowerBound < clause.upperBound {
                    if mentions[k].range.upperBound <= clause.upperBound { inClause.append(mentions[k]) }
                    k += 1
                }
                relations(doc, s, sentence: sentence, sentenceText: sentenceText, clause: clause, mentions: inClause,
                          author: context.author, sentenceOpensWithPerson: opensWithPerson, into: &graph, node: node)
            }
        }
        return (all, sentences)
    }

    /// 王书记 refers to 王明, the first person of that surname found with a post.
    func addShortReferences(_ doc: TextDocument, _ s: [Unicode.Scalar], _ people: PersonFinder, persons: [Unicode.Scalar: Mention],
                            to graph: inout KnowledgeGraph) {
        guard !persons.isEmpty else { return }
        let surnames = ScalarSet(persons.keys)
        for i in s.indices.dropLast() where surnames.contains(s[i]) {
            guard let person = persons[s[i]], let title = people.title(at: i + 1) else { continue }
            graph.add(Entity(type: DG.term("Person"), label: person.canonical, aliases: [String(s[i]) + title.title],
                             documents: [doc.id]))
        }
    }

    func provenance(_ doc: TextDocument, _ sentence: Range<Int>, _ text: String, subject: Range<Int>?, object: Range<Int>?,
                    rule: String) -> Provenance {
        Provenance(document: doc.id, sentence: text, sentenceStart: sentence.lowerBound, sentenceEnd: sentence.upperBound,
                   subjectStart: subject?.lowerBound, subjectEnd: subject?.upperBound,
                   objectStart: object?.lowerBound, objectEnd: object?.upperBound, rule: rule,
                   page: doc.page(at: sentence.lowerBound))
    }

    /// Words that join the members of a list: 《A》、《B》和《C》, 省委、省政府和市委.
    static func isListJoiner(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "、", "和", "及", "与", "以", "其", " ": return true
        default: return false
        }
    }

    /// Mentions grouped into lists of the same kind, in order.
    func lists(_ s: [Unicode.Scalar], _ mentions: [Mention]) -> [[Mention]] {
        var out: [[Mention]] = []
        for m in mentions {
            if let last = out.last?.last, last.kind == m.kind,
               s[last.range.upperBound..<m.range.lowerBound].allSatisfy(Self.isListJoiner) {
                out[out.count - 1].append(m)
            } else {
                out.append([m])
            }
        }
        return out
    }

    /// Applies every cue frame to one clause. A list of mentions stands as
    /// one placeholder, and a relation is drawn for each of its members.
    func relations(_ doc: TextDocument, _ s: [Unicode.Scalar], sentence: Range<Int>, sentenceText: () -> String, clause: Range<Int>,
                   mentions: [Mention], author: Mention?,
                   sentenceOpensWithPerson: Bool, into graph: inout KnowledgeGraph, node: (Mention) -> Subject) {
        guard !mentions.isEmpty else { return }
        let groups = lists(s, mentions)
        // The clause with each list of mentions replaced by its placeholder.
        var shadow: [Unicode.Scalar] = []
        shadow.reserveCapacity(clause.count)
        var slotGroup: [Int: Int] = [:]   // shadow offset → index in groups
        var k = clause.lowerBound
        var gi = 0
        while k < clause.upperBound {
            if gi < groups.count, let first = groups[gi].first, first.range.lowerBound == k, let last = groups[gi].last {
                slotGroup[shadow.count] = gi
                shadow.append(RelationFrame.placeholder(forKind: first.kind))
                k = last.range.upperBound
                gi += 1
            } else {
                shadow.append(s[k])
                k += 1
            }
        }
        var text: String?   // built for the first frame whose cue words the clause holds
        for frame in rules.frames where frame.slotKinds.allSatisfy({ kind in mentions.contains { $0.kind == kind } })
            && frame.mayMatch(shadow) {
            if text == nil { text = String(scalars: shadow) }
            for match in frame.matches(in: text ?? "") {
                func resolve(_ role: RelationFrame.Role) -> [Mention] {
                    switch role {
                    case .author: return author.map { [$0] } ?? []
                    case .slot(let n): return slotGroup[match.slots[n - 1]].map { groups[$0] } ?? []
                    }
                }
                if frame.subject == .author {
                    let before = String(scalars: shadow[..<match.start])
                    if rules.assistingWords.contains(where: { before.contains($0) }) { continue }
                    // A person named earlier in the sentence is the one acting, not the author.
                    if sentenceOpensWithPerson { continue }
                    // (match.start counts in the shadow text, where a list is one placeholder.)
                    if let firstSlot = slotGroup.keys.min(), firstSlot < match.start,
                       slotGroup[firstSlot].map({ groups[$0][0].kind }) == "Person" { continue }
                }
                for subject in resolve(frame.subject) {
                    for object in resolve(frame.object) where node(subject) != node(object) {
                        let taggerOnly = subject.source == "tagger" || object.source == "tagger"
                        let p = provenance(doc, sentence, sentenceText(), subject: frame.subject == .author ? nil : subject.range,
                                           object: object.range, rule: frame.rule + (taggerOnly ? Self.foundByTaggerOnly : ""))
                        graph.add(Relation(subject: node(subject), predicate: frame.predicate, object: node(object),
                                           confidence: taggerOnly ? frame.confidence * Self.taggerOnlyFactor : frame.confidence,
                                           provenance: [p]))
                    }
                }
            }
        }
    }

}
