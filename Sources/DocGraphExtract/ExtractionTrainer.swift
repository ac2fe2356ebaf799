import DocGraphLearn
import DocGraphModel
import Dispatch
import Synchronization

/// Learns the extractor's decisions from annotated documents, in two passes.
///
/// 1. Every document is read with the rules and the tagger; every stretch of
///    a sentence that may name an entity (a rule's or the tagger's proposal,
///    words ending in a body's head word, a quoted name) is labelled with the
///    class of the gold entity it names (or none), and the entity scorer is
///    trained on them (``LinearClassifierTrainer``).
/// 2. The trained entity scorer decides each document's names; every
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
    public var entityTrainer = LinearClassifierTrainer()
    public var relationTrainer = LinearClassifierTrainer()

    public init(extractor: Extractor) {
        var e = extractor
        e.model = nil
        self.extractor = e
    }

    /// What training saw, for its report.
    public struct Report: Sendable {
        public var documents = 0
        /// Candidate stretches the entity scorer saw, and those naming a gold entity.
        public var spans = 0
        public var names = 0
        /// Candidate pairs the relation scorer saw, and those the gold relates.
        public var candidates = 0
        public var positives = 0
    }

    /// - Parameter corpus: each document with its gold and its genre (the genres decide how the
    ///   relation thresholds are calibrated; documents without one are cut into parts by position).
    public func train(_ corpus: [(document: TextDocument, gold: GoldAnnotation, genre: String)], jobs: Int) -> (model: ExtractionModel, report: Report) {
        var report = Report()
        report.documents = corpus.count
        // Pass 1: the rules' and the tagger's mentions, and the entity scorer's examples.
        let first = Self.map(corpus.count, jobs: jobs) { i -> (DocumentReading, Examples) in
            var reading = DocumentReading(extractor, corpus[i].document)
            reading.findMentions()
            return (reading, entityExamples(reading, gold: corpus[i].gold))
        }
        report.spans = first.map(\.1.candidates).reduce(0, +)
        report.names = first.map(\.1.positives).reduce(0, +)
        let entities = train(first.map(\.1), trainer: entityTrainer, labels: EntityLabels.all)
        // Pass 2: the trained scorer's names, and the relation scorer's examples.
        let second = Self.map(corpus.count, jobs: jobs) { i -> Examples in
            var reading = first[i].0
            reading.decideEntities(entities, threshold: extractor.rules.policy.entityThreshold)
            return relationExamples(reading, gold: corpus[i].gold)
        }
        report.candidates = second.map(\.candidates).reduce(0, +)
        report.positives = second.map(\.positives).reduce(0, +)
        let relations = train(second, trainer: relationTrainer, labels: RelationLabels.all)
        let thresholds = calibrate(first: first, second: second, corpus: corpus, jobs: jobs)
        return (ExtractionModel(entities: entities, relations: relations, thresholds: thresholds), report)
    }

    /// How many parts a corpus of one genre is cut into to calibrate the relation thresholds.
    static let folds = 5
    /// The thresholds tried, the last one above any probability (the label is never drawn).
    static let grid: [Double] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]

    /// For each relation, the least probability at which drawing it does best on documents of a
    /// genre the scorers never saw: each genre in turn (or, for a corpus of one genre, each of
    /// ``folds`` parts) has its names decided and its pairs scored by scorers trained on the other
    /// genres, and the thresholds of ``grid`` that give the best relation F1 over all the held-out
    /// documents are kept. A relation the scorer cannot tell on unseen documents ends up drawn only
    /// where it is sure, or never, rather than drawn wrong.
    func calibrate(first: [(DocumentReading, Examples)], second: [Examples], corpus: [(document: TextDocument, gold: GoldAnnotation, genre: String)],
                   jobs: Int) -> [String: Double] {
        let genres = Array(Set(corpus.map(\.genre))).sorted()
        let fold: [Int] = genres.count >= 2 ? corpus.map { c in genres.firstIndex(of: c.genre) ?? 0 } : corpus.indices.map { $0 % Self.folds }
        let folds = (fold.max() ?? 0) + 1
        guard folds >= 2 else { return [:] }
        let labels = RelationLabels.all
        // Each held-out pair's decision, as the edge it would draw: its document and entities.
        var outcomes: [(edge: String, gold: Int, predicted: Int, probability: Double)] = []
        var goldEdges = [Int](repeating: 0, count: labels.count)
        for f in 0..<folds {
            let kept = corpus.indices.filter { fold[$0] != f }
            let entities = train(kept.map { first[$0].1 }, trainer: entityTrainer, labels: EntityLabels.all)
            let relations = train(kept.map { second[$0] }, trainer: relationTrainer, labels: labels)
            let heldOut = corpus.indices.filter { fold[$0] == f }
            for i in heldOut {
                for r in corpus[i].gold.relations where !r.optional { if let k = labels.firstIndex(of: r.predicate) { goldEdges[k] += 1 } }
            }
            let scored = Self.map(heldOut.count, jobs: jobs) { k -> [(edge: String, gold: Int, predicted: Int, probability: Double)] in
                var reading = first[heldOut[k]].0
                reading.decideEntities(entities, threshold: extractor.rules.policy.entityThreshold)
                let examples = relationExamples(reading, gold: corpus[heldOut[k]].gold)
                return zip(examples.examples, examples.pairs).map { e, pair in
                    let p = relations.probabilities(e.features, allowed: e.allowed)
                    let best = e.allowed.max { (p[$0], $1) < (p[$1], $0) } ?? 0
                    return ("\(heldOut[k])\u{1}" + pair, e.label, best, p[best])
                }
            }
            outcomes += scored.flatMap { $0 }
        }
        // Scored as the graph is: each edge once, right when some sentence's pair is the gold's
        // relation. For each predicate and threshold, the edges drawn and those right.
        var counts = [[(drawn: Int, right: Int)]](repeating: [], count: labels.count)
        for k in labels.indices where labels[k] != RelationLabels.none {
            counts[k] = Self.grid.map { t in
                var drawn: [String: Bool] = [:]
                for o in outcomes where o.predicted == k && o.probability >= t { drawn[o.edge, default: false] = drawn[o.edge, default: false] || o.gold == k }
                return (drawn.count, drawn.values.filter { $0 }.count)
            }
        }
        // The thresholds that give the best F1 over all relations together (an edge of a relation the
        // scorer tells badly costs more than it brings), found one predicate at a time, three rounds.
        var choice = [Int](repeating: 0, count: labels.count)
        let gold = goldEdges.reduce(0, +)
        func f1(_ choice: [Int]) -> Double {
            var drawn = 0, right = 0
            for k in labels.indices where !counts[k].isEmpty { drawn += counts[k][choice[k]].drawn; right += counts[k][choice[k]].right }
            return drawn + gold == 0 ? 0 : 2 * Double(right) / Double(drawn + gold)
        }
        for _ in 0..<3 {
            for k in labels.indices where !counts[k].isEmpty {
                var best = choice[k], bestF1 = -1.0
                for g in Self.grid.indices {
                    var trial = choice
                    trial[k] = g
                    let value = f1(trial)
                    if value >= bestF1 { best = g; bestF1 = value }   // of equals, the higher threshold
                }
                choice[k] = best
            }
        }
        var out: [String: Double] = [:]
        for k in labels.indices where !counts[k].isEmpty { out[labels[k]] = Self.grid[choice[k]] }
        return out
    }

    func train(_ documents: [Examples], trainer: LinearClassifierTrainer, labels: [String]) -> LinearClassifier {
        var names: [UInt64: String] = [:]
        for d in documents { names.merge(d.names) { a, _ in a } }
        return trainer.train(documents.flatMap(\.examples), labels: labels, names: names)
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

    /// Each candidate stretch of each sentence, labelled with the class its gold name gives it.
    func entityExamples(_ reading: DocumentReading, gold: GoldAnnotation) -> Examples {
        let matcher = GoldMatcher(gold)
        let spans = reading.taggerSpans()
        var out = Examples()
        let labels = EntityLabels.all
        for sentence in reading.readings {
            for c in reading.entityCandidates(sentence, spans: spans, keepNames: true) {
                let kind = reading.goldKind(c, in: sentence, matcher: matcher)
                guard let index = labels.firstIndex(of: kind) else { continue }
                for (h, name) in zip(c.features.hashes, c.features.names) { out.names[h] = name }
                out.examples.append(.init(features: c.features.hashes, allowed: Array(labels.indices), label: index))
                out.candidates += 1
                if kind != EntityLabels.none { out.positives += 1 }
            }
        }
        return out
    }

    /// What one annotated document teaches a scorer.
    struct Examples: Sendable {
        var examples: [LinearClassifierTrainer.Example] = []
        /// For relation examples: the pair of entities each one is about (the edge it would draw).
        var pairs: [String] = []
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
                let subject = matcher.ids(of: ([c.subject] + c.followers).flatMap(reading.names), kind: c.subject.kind.rawValue,
                                          isAuthor: c.subjectIsAuthor)
                let object = matcher.ids(of: reading.names(c.object), kind: c.object.kind.rawValue, isAuthor: c.objectIsAuthor)
                guard let label = matcher.label(c.signature, subject: subject, object: object),
                      let index = labels.firstIndex(of: label) else { continue }
                for (h, name) in zip(c.features.hashes, c.features.names) { out.names[h] = name }
                out.examples.append(.init(features: c.features.hashes, allowed: RelationLabels.allowed(c, in: labels), label: index))
                out.pairs.append(reading.label(c.subject) + "\u{1}" + reading.label(c.object))
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
