import DocGraphModel
import DocGraphOntology
import DocGraphTagger

/// Turns one document into a graph with the rules of an `Ontology/` folder:
/// sentences → mentions → entities merged by canonical name → relations
/// from cue frames, each edge with its sentence, offsets and rule.
public struct Extractor: Sendable {
    /// The rules (kept in the shared index: a reading of each document holds its extractor, and
    /// a copy of the rules' many tables retained each of them).
    public var rules: ExtractionRules { index.rules }
    /// The place of documents that do not name their own (`--place`): short forms such as 市委 resolve to it.
    public var defaultPlace: String?
    let index: LexiconIndex
    let normalizer: TextNormalizer
    /// Each kind's class IRI, and what the IRIs of its entities start with (``IRIMinting/entityBase(type:)``),
    /// by the kind's ordinal.
    let entityTypes: [IRI]
    let entityBases: [String]

    /// The statistical tagger fused with the rules (`--tagger hybrid`), or nil for the rules alone.
    public var tagger: TaggerModel?
    /// What was learned from annotated documents; nil for the rules' own decisions (the cue frames).
    public var model: ExtractionModel?

    public init(rules: ExtractionRules, defaultPlace: String? = nil, tagger: TaggerModel? = nil, model: ExtractionModel? = nil) {
        self.tagger = tagger
        self.model = model
        self.defaultPlace = defaultPlace
        index = LexiconIndex(rules: rules)
        normalizer = TextNormalizer(traditionalToSimplified: rules.traditionalToSimplified)
        entityTypes = EntityKind.allCases.sorted { $0.ordinal < $1.ordinal }.map { DG.term($0.rawValue) }
        entityBases = entityTypes.map { IRIMinting.entityBase(type: $0) }
    }

    /// Everything read from one document, for `explain` and tests.
    public struct Reading: Sendable {
        public var graph: KnowledgeGraph
        public var mentions: [Mention]
        /// The sentences the text was cut into, as scalar ranges.
        public var sentences: [Range<Int>]
        /// Every decision of the trained relation scorer (empty without a model).
        public var decisions: [RelationDecision] = []
        /// The body taken to write the document (the default subject of its relations), if one was found.
        public var author: String?
        /// The document's own place and the places above it, innermost first: what its level words stand for.
        public var places: [String] = []
    }

    /// What the trained scorer made of one candidate pair, and why.
    public struct RelationDecision: Sendable {
        public var subject: String
        public var object: String
        /// The most likely label: a predicate's local name, or `none`.
        public var label: String
        public var probability: Double
        /// Whether it became an edge.
        public var drawn: Bool
        public var sentence: Range<Int>
        /// The features that weighed most for the label, largest first (name, weight).
        public var weighed: [(name: String, weight: Double)]
    }

    public func extract(_ doc: TextDocument) -> KnowledgeGraph { read(doc).graph }

    /// The rule id of an edge the trained scorer drew is this and the predicate (`model.enacted`);
    /// its confidence is the scorer's probability.
    static let learnedRule = "model."
    /// A post title next to a name (市委书记王明): the person holds a post in the body it names or implies.
    static let postTitleRule = "holdsPosition.post-title"
    /// Rule ids say whether the tagger took part, so that a confidence is always a function of its rule:
    /// a post frame whose name the tagger confirmed, a cue frame with an end only the tagger found.
    static let confirmedByTagger = "+tagger-confirmed"
    static let foundByTaggerOnly = "+tagger-only"
    /// A committee or office named right after its body (省人大常委会财政经济工作委员会) is part of it.
    static let partOfRule = "partOf.named-inside"
    /// A decision whose title says it revises a regulation (关于修改〈X〉的决定).
    static let revisionRule = "amended.decision-title"
    /// A roster's lines under the body it staffs (成立X领导小组: / 组长:王明 …).
    static let rosterRule = "holdsPosition.roster"

    /// How sure each rule is (`rules/policy.tsv` and the cue frames): a relation's confidence is the
    /// highest among the rules of its evidence. An edge the trained scorer drew has no confidence
    /// of its rule (it is the scorer's probability), and is nil here.
    public func confidence(ofRule rule: String) -> Double? {
        let policy = rules.policy
        if rule == Self.partOfRule { return policy.partOfConfidence }
        if rule == Self.revisionRule { return policy.revisionConfidence }
        if rule == Self.rosterRule { return policy.rosterConfidence }
        if rule.hasSuffix(Self.foundByTaggerOnly) {
            return confidence(ofRule: String(rule.dropLast(Self.foundByTaggerOnly.count))).map { $0 * policy.taggerOnlyFactor }
        }
        if rule == Self.postTitleRule + Self.confirmedByTagger { return policy.confirmedPostTitleConfidence }
        return rule == Self.postTitleRule ? policy.postTitleConfidence : rules.frames.first { $0.rule == rule }?.confidence
    }

    /// Adds what `doc` says to `graph`: the same as merging ``extract(_:)``'s
    /// graph into it, without building and merging a graph per document.
    public func extract(_ doc: TextDocument, into graph: inout KnowledgeGraph) { read(doc, into: &graph) }

    public func read(_ doc: TextDocument) -> Reading {
        var graph = KnowledgeGraph()
        let reading = stages(doc, explaining: true)
        reading.write(into: &graph)
        return Reading(graph: graph, mentions: reading.allMentions, sentences: reading.sentences, decisions: reading.decisions,
                       author: reading.context.author?.canonical, places: reading.context.chain)
    }

    /// The stages, in order, on one document; the graph gets what they found.
    func read(_ doc: TextDocument, into graph: inout KnowledgeGraph) {
        stages(doc, explaining: false).write(into: &graph)
    }

    func stages(_ doc: TextDocument, explaining: Bool) -> DocumentReading {
        var reading = DocumentReading(self, doc)
        reading.findMentions()
        if let entities = model?.entities { reading.decideEntities(entities, threshold: rules.policy.entityThreshold) }
        reading.buildEntityTable()
        reading.structuralRelations()
        if let model { reading.learnedRelations(model, explaining: explaining) } else { reading.ruleRelations() }
        return reading
    }

    /// Words that join the members of a list: 《A》、《B》和《C》, 省委、省政府和市委.
    static func isListJoiner(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "、", "和", "及", "与", "以", "其", " ": return true
        default: return false
        }
    }
}
