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
        let context = documentContext(s, orgs)
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

    /// The author (the first organization the title names, else one named near the top) and its
    /// places. When the author names no place, the document's place is the one it names most often
    /// at the level its bodies are named by (区政府, 区政协 → the district named most often), or the
    /// place given with `--place`.
    func documentContext(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder) -> DocumentContext {
        let titleEnd = s.firstIndex(where: { $0 == "\n" }) ?? s.count
        /// The first body that can be the author: not a level word alone (区政府), not the venue of a speech (在…会议上).
        /// A headline's bare 法院 before a post (法院院长) names a post, not the author; a committee named
        /// first (大会主席团) stands for its body.
        func authorCandidate(_ range: Range<Int>, _ context: DocumentContext) -> Mention? {
            orgs.find(in: range, context: context).first { m in
                m.rule != "organization.unresolved-level"
                    && !(m.rule == "organization.bare-place" && m.range.upperBound < s.count
                         && PersonFinder(organizations: orgs).title(at: m.range.upperBound) != nil)
                    && !(m.range.lowerBound > 0 && s[m.range.lowerBound - 1] == "在")
            }.map { $0.parent.first ?? $0 }
        }
        // How often each place is named: counted only when a place must be chosen or told apart from its homonyms.
        var counted: [String: Int]?
        func counts() -> [String: Int] {
            if let counted { return counted }
            counted = placeCounts(s, orgs)
            return counted ?? [:]
        }
        func placeChain(_ name: String) -> [String] {
            self.placeChain(name, rules.homonyms[name] == nil ? [:] : counts())
        }
        let given = defaultPlace.map { placeChain($0) } ?? []
        let bare = DocumentContext(author: nil, chain: given)
        if let author = authorCandidate(0..<titleEnd, bare), let place = longestPlace(opening: author.canonical) {
            return DocumentContext(author: author, chain: placeChain(place))
        }
        let chain = given.isEmpty ? mostMentionedPlace(s, orgs, counts()).map { placeChain($0) } ?? [] : given
        let inferred = DocumentContext(author: nil, chain: chain)
        // A body named only by its level word (县人大常委会 in a report that never names its county) is
        // still the author when nothing else is.
        let author = authorCandidate(0..<titleEnd, inferred) ?? authorCandidate(0..<min(s.count, 400), inferred)
            ?? orgs.find(in: 0..<min(s.count, 400), context: inferred).first { $0.rule == "organization.unresolved-level" }
        return DocumentContext(author: author, chain: chain)
    }

    /// The full name of a place given by its full or short name (苏州 → 苏州市), if the gazetteer has it.
    public func place(named name: String) -> String? {
        index.placeForms[ArraySlice(name.unicodeScalars)]
    }

    /// The longest full place name `name` begins with (杭州市 in 杭州市人大常委会).
    func longestPlace(opening name: String) -> String? {
        let a = Array(name.unicodeScalars)
        for length in stride(from: min(a.count, index.maximumPlaceLength), to: 0, by: -1) {
            // Full names are keyed by themselves; a short form maps to a longer name.
            if let place = index.placeForms[a[0..<length]], place.unicodeScalars.count == length { return place }
        }
        return nil
    }

    /// How often the text names each place (full or short form).
    func placeCounts(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder) -> [String: Int] {
        var counts: [String: Int] = [:]
        var i = 2
        while i <= s.count {
            if let (_, name) = orgs.place(endingAt: i) { counts[name, default: 0] += 1 }
            i += 1
        }
        return counts
    }

    /// `name` and the places above it, innermost first. A name several places share (鼓楼区) is
    /// the one whose parent the text names most often.
    func placeChain(_ name: String, _ counts: [String: Int]) -> [String] {
        var chain = [name]
        var parent = rules.places[name]?.parent
        if let homonyms = rules.homonyms[name] {
            parent = homonyms.max { (counts[$0.parent ?? ""] ?? 0) < (counts[$1.parent ?? ""] ?? 0) }?.parent
        }
        while let p = parent, !chain.contains(p) {
            chain.append(p)
            parent = rules.places[p]?.parent
        }
        return chain
    }

    /// The place named most often among those whose name ends in the level word the text's bodies
    /// are most often named by (区 in 区政府, 区政协); else the city named most often, else any place.
    func mostMentionedPlace(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, _ counts: [String: Int]) -> String? {
        var levelUse: [String: Int] = [:]
        for m in orgs.find(in: 0..<s.count, context: DocumentContext(author: nil, chain: [])) where m.rule == "organization.unresolved-level" {
            let surface = Array(m.canonical.unicodeScalars)
            if let w = index.levelWords.first(where: { surface.starts(with: $0.word) }) { levelUse[String(scalars: w.word), default: 0] += 1 }
        }
        func best(_ keep: (String) -> Bool) -> String? {
            counts.filter { keep($0.key) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        if let word = levelUse.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, word != "全国",
           let place = best({ $0.hasSuffix(word) }) {
            return place
        }
        return best { rules.places[$0]?.level == "city" } ?? best { _ in true }
    }

    /// One regulation, one node: 人民警察法 and 《人民警察法》 are 《中华人民共和国人民警察法》 when the
    /// document names it in full too (the full name is the short one after the state's or a place's name).
    func regulationShortForms(_ mentions: [Mention]) -> [CodePointKey: String] {
        func bare(_ name: String) -> [Unicode.Scalar] {
            let u = Array(name.unicodeScalars)
            return u.first == "《" && u.last == "》" && u.count >= 2 ? Array(u[1..<(u.count - 1)]) : u
        }
        var byBare: [[Unicode.Scalar]: String] = [:]   // name without 《》 → the canonical kept (a quoted one first)
        for m in mentions where m.kind == "Regulation" {
            let key = bare(m.canonical)
            if let kept = byBare[key], kept.hasPrefix("《") || !m.canonical.hasPrefix("《") { continue }
            byBare[key] = m.canonical
        }
        guard byBare.count > 1 || mentions.contains(where: { $0.kind == "Regulation" && byBare[bare($0.canonical)] != $0.canonical })
        else { return [:] }
        var out: [CodePointKey: String] = [:]
        let names = byBare.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for m in mentions where m.kind == "Regulation" {
            let key = bare(m.canonical)
            var target = byBare[key] ?? m.canonical
            for (long, canonical) in names where long.count > key.count && long.suffix(key.count).elementsEqual(key) {
                let prefix = String(scalars: long[..<(long.count - key.count)])
                if prefix == "中华人民共和国" || place(named: prefix) != nil {
                    target = canonical
                    break
                }
            }
            if target != m.canonical { out[CodePointKey(m.canonical)] = target }
        }
        return out
    }

    /// One program, one node: a program name that ends another one (联络日,
    /// 人大代表联络日) is a short form of it.
    func programShortForms(_ mentions: [Mention]) -> [CodePointKey: String] {
        let names = Set(mentions.filter { $0.kind == "Program" }.map { Array($0.canonical.unicodeScalars) })
        var longest: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]   // short form → shortest longer name ending in it
        for name in names where name.count > 3 {
            for start in 1...(name.count - 3) {
                let suffix = Array(name[start...])
                guard names.contains(suffix) else { continue }
                if let other = longest[suffix], (other.count, String(scalars: other)) <= (name.count, String(scalars: name)) { continue }
                longest[suffix] = name
            }
        }
        var out: [CodePointKey: String] = [:]
        for (short, long) in longest { out[CodePointKey(String(scalars: short))] = String(scalars: long) }
        return out
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
                   objectStart: object?.lowerBound, objectEnd: object?.upperBound, rule: rule)
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
