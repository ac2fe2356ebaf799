import DocGraphLearn
import DocGraphModel
import Dispatch
import Synchronization

/// Learns the extractor's decisions from annotated documents, in two passes.
///
/// 1. Every document is read with the rules and the tagger; each character of
///    each sentence gets the entity tagger's features and the label the gold
///    annotation's names give it, and the entity tagger is trained on them
///    (``SequenceTaggerTrainer``).
/// 2. The trained entity tagger decides each document's names; every
///    candidate pair the extractor would score is labelled with the relation
///    the gold states between the entities of its ends (or none), and the
///    relation scorer is trained on them (``LinearClassifierTrainer``).
///
/// A candidate is read from each sentence naming both ends, so a relation the
/// gold states once teaches every sentence that names the pair (distant
/// supervision); a pair the gold marks optional is left out of training.
/// Documents are read on `jobs` threads and their examples kept in corpus
/// order; training itself is sequential and seeded, so the model is the same
/// whatever the number of jobs.
public struct ExtractionTrainer: Sendable {
    /// The rules and the tagger the examples are read with (its model, if any, is not used).
    public let extractor: Extractor
    public var entityTrainer = SequenceTaggerTrainer()
    public var relationTrainer = LinearClassifierTrainer()

    public init(extractor: Extractor) {
        var e = extractor
        e.model = nil
        self.extractor = e
    }

    /// What training saw, for its report.
    public struct Report: Sendable {
        public var documents = 0
        public var sentences = 0
        /// Characters inside a gold name, of all characters.
        public var nameCharacters = 0, characters = 0
        public var candidates = 0
        public var positives = 0
    }

    public func train(_ corpus: [(document: TextDocument, gold: GoldAnnotation)], jobs: Int) -> (model: ExtractionModel, report: Report) {
        var report = Report()
        report.documents = corpus.count
        // Pass 1: the rules' and the tagger's mentions, and the entity tagger's examples.
        let first = Self.map(corpus.count, jobs: jobs) { i -> (DocumentReading, [SequenceTaggerTrainer.Sentence], [UInt64: String]) in
            var reading = DocumentReading(extractor, corpus[i].document)
            reading.findMentions()
            let (sentences, names) = entityExamples(reading, gold: corpus[i].gold)
            return (reading, sentences, names)
        }
        var names: [UInt64: String] = [:]
        for (_, _, n) in first { names.merge(n) { a, _ in a } }
        let sentences = first.flatMap(\.1)
        report.sentences = sentences.count
        for s in sentences {
            report.characters += s.labels.count
            report.nameCharacters += s.labels.filter { $0 != 0 }.count
        }
        let entities = entityTrainer.train(sentences, labels: EntityLabels.all, names: names)
        // Pass 2: the trained tagger's names, and the relation scorer's examples.
        let second = Self.map(corpus.count, jobs: jobs) { i -> Examples in
            var reading = first[i].0
            reading.decideEntities(entities)
            return relationExamples(reading, gold: corpus[i].gold)
        }
        var relationNames: [UInt64: String] = [:]
        for d in second { relationNames.merge(d.names) { a, _ in a } }
        report.candidates = second.map(\.candidates).reduce(0, +)
        report.positives = second.map(\.positives).reduce(0, +)
        let relations = relationTrainer.train(second.flatMap(\.relations), labels: RelationLabels.all, names: relationNames)
        return (ExtractionModel(entities: entities, relations: relations), report)
    }

    /// `body(i)` for every i in 0..<count on `jobs` threads, in index order.
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex([T?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { break }
                let value = body(i)
                slots.withLock { $0[i] = value }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// Each sentence's characters with their features and the labels the gold names give them.
    func entityExamples(_ reading: DocumentReading, gold: GoldAnnotation) -> ([SequenceTaggerTrainer.Sentence], [UInt64: String]) {
        var forms: [(form: [Unicode.Scalar], kind: String)] = []
        var seen = Set<[Unicode.Scalar]>()
        for e in gold.entities where EntityLabels.tag(ofKind: e.type) != nil {
            for name in [e.name] + e.aliases {
                let form = extractor.normalizer.normalize(Array(name.unicodeScalars))
                guard form.count >= 2, seen.insert(form + [" "] + Array(e.type.unicodeScalars)).inserted else { continue }
                forms.append((form, e.type))
            }
        }
        let spans = reading.taggerSpans()
        var names: [UInt64: String] = [:]
        var out: [SequenceTaggerTrainer.Sentence] = []
        for sentence in reading.readings {
            let features = reading.entityFeatures(sentence, spans: spans, keepNames: true)
            for f in features { for (h, n) in zip(f.hashes, f.names) where names[h] == nil { names[h] = n } }
            let gold = reading.goldSpans(sentence, forms: forms)
            out.append(.init(positions: features.map(\.hashes), labels: reading.goldLabels(sentence, spans: gold, labels: EntityLabels.all)))
        }
        return (out, names)
    }

    /// What one annotated document teaches the relation scorer.
    struct Examples: Sendable {
        var relations: [LinearClassifierTrainer.Example] = []
        var names: [UInt64: String] = [:]
        var candidates = 0
        var positives = 0
    }

    func relationExamples(_ given: DocumentReading, gold: GoldAnnotation) -> Examples {
        var reading = given
        reading.buildEntityTable()
        var out = Examples()
        let labels = RelationLabels.all
        let matcher = GoldMatcher(gold)
        for (k, sentence) in reading.readings.enumerated() {
            for c in reading.candidates(sentence, sentenceIndex: k, keepNames: true) {
                let subject = matcher.ids(of: reading.names(c.subject), kind: c.subject.kind, isAuthor: c.subjectIsAuthor)
                let object = matcher.ids(of: reading.names(c.object), kind: c.object.kind, isAuthor: c.objectIsAuthor)
                guard let label = matcher.label(c.signature, subject: subject, object: object),
                      let index = labels.firstIndex(of: label) else { continue }
                for (h, name) in zip(c.features.hashes, c.features.names) { out.names[h] = name }
                out.relations.append(.init(features: c.features.hashes, allowed: RelationLabels.allowed(c, in: labels), label: index))
                out.candidates += 1
                if label != RelationLabels.none { out.positives += 1 }
            }
        }
        return out
    }
}

extension DocumentReading {
    /// Every name the entity of `m` goes by in this document.
    func names(_ m: Mention) -> [String] {
        var out = [m.surface, m.canonical] + m.aliases
        let label = label(m)
        out.append(label)
        if let i = foundIndex[m.kind]?[CodePointKey(label)] { out += found[i].aliases.map(\.string) }
        return out
    }
}

/// Which gold entities a found entity is, by the scorer's rule (same class, a
/// name in common after normalisation), and the relation the gold states
/// between two sets of them.
struct GoldMatcher {
    let gold: GoldAnnotation
    /// Class → normalized name → gold ids.
    let byName: [String: [String: [String]]]

    init(_ gold: GoldAnnotation) {
        self.gold = gold
        var byName: [String: [String: [String]]] = [:]
        for e in gold.entities {
            for n in Set(([e.name] + e.aliases).map(GoldScorer.normalized)) where !n.isEmpty {
                byName[e.type, default: [:]][n, default: []].append(e.id)
            }
        }
        self.byName = byName
    }

    func ids(of names: [String], kind: String, isAuthor: Bool) -> Set<String> {
        var out = Set<String>()
        for n in names { out.formUnion(byName[kind]?[GoldScorer.normalized(n)] ?? []) }
        if isAuthor, let author = gold.author { out.insert(author) }
        return out
    }

    /// The predicate the gold states between the two ends (`none` when it states none); nil when
    /// it only states an optional one, which is no lesson either way.
    func label(_ signature: RelationSignature, subject: Set<String>, object: Set<String>) -> String? {
        var optional = false
        for p in signature.predicates {
            for r in gold.relations where r.predicate == p {
                let forward = !subject.isDisjoint(with: r.subject) && !object.isDisjoint(with: r.object)
                let backward = p == "collaboratedWith" && !subject.isDisjoint(with: r.object) && !object.isDisjoint(with: r.subject)
                guard forward || backward else { continue }
                if !r.optional { return p }
                optional = true
            }
        }
        return optional ? nil : RelationLabels.none
    }
}
