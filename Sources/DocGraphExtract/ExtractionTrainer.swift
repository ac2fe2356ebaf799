import DocGraphLearn
import DocGraphModel

/// Learns the extractor's decisions from annotated documents: every candidate
/// pair the extractor would score is labelled with the relation the gold
/// annotation states between the entities of its ends (or none), and the
/// relation scorer is trained on them (``LinearClassifierTrainer``).
///
/// A candidate is read from each sentence naming both ends, so a relation the
/// gold states once teaches every sentence that names the pair (distant
/// supervision); a pair the gold marks optional is left out of training.
public struct ExtractionTrainer: Sendable {
    /// The rules and the tagger the examples are read with (its model, if any, is not used).
    public let extractor: Extractor
    public var relationTrainer = LinearClassifierTrainer()

    public init(extractor: Extractor) {
        var e = extractor
        e.model = nil
        self.extractor = e
    }

    /// What one annotated document teaches.
    public struct Examples: Sendable {
        public var relations: [LinearClassifierTrainer.Example] = []
        public var names: [UInt64: String] = [:]
        /// Candidates and the relations among them, for the training report.
        public var candidates = 0
        public var positives = 0
    }

    public func examples(_ doc: TextDocument, gold: GoldAnnotation) -> Examples {
        var reading = DocumentReading(extractor, doc)
        reading.findMentions()
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

    /// The model trained on the examples of every document, in the order given.
    public func train(_ documents: [Examples]) -> ExtractionModel {
        var names: [UInt64: String] = [:]
        for d in documents { names.merge(d.names) { a, _ in a } }
        let relations = relationTrainer.train(documents.flatMap(\.relations), labels: RelationLabels.all, names: names)
        return ExtractionModel(relations: relations)
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
