/// What makes two relations the same fact: the same subject, predicate,
/// object and role. Evidence for the same fact joins one edge.
public struct RelationKey: Hashable, Comparable, Sendable {
    public let subject: Subject
    public let predicate: IRI
    public let object: Subject
    public let role: String?

    public init(subject: Subject, predicate: IRI, object: Subject, role: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.role = role
    }

    public static func < (a: RelationKey, b: RelationKey) -> Bool {
        (a.subject, a.predicate, a.object, a.role ?? "") < (b.subject, b.predicate, b.object, b.role ?? "")
    }
}

extension Subject {
    /// The node's IRI or blank label, as text (used where formats need a string id).
    public var string: String {
        switch self {
        case .iri(let i): return i.string
        case .blank(let b): return "_:" + b.id
        }
    }
}

/// An edge between two entities, with the evidence that supports it.
public struct Relation: Hashable, Sendable {
    public let key: RelationKey
    /// How sure the rule that produced the edge is, from 0 to 1.
    public var confidence: Double
    /// The evidence, one piece per sentence and rule (the first mention in
    /// the sentence): a sentence that states a fact ten times proves it no
    /// better than once, and a run-on text repeating a name must not grow
    /// the graph by the sentence for every repetition. Keyed so that merging
    /// stays linear in its size and, keeping the least, order-independent.
    private var evidence: [EvidenceSlot: Provenance]

    /// Where a piece of evidence stands: its document, sentence and rule.
    struct EvidenceSlot: Hashable, Sendable {
        let document: CodePointKey, sentenceStart: Int, sentenceEnd: Int, rule: CodePointKey
        init(_ p: Provenance) {
            document = CodePointKey(p.document)
            sentenceStart = p.sentenceStart
            sentenceEnd = p.sentenceEnd
            rule = CodePointKey(p.rule)
        }
    }

    /// Every piece of evidence, sorted and without repeats.
    public var provenance: [Provenance] { evidence.values.sorted() }

    public init(subject: Subject, predicate: IRI, object: Subject, role: String? = nil,
                confidence: Double = 1, provenance: [Provenance] = []) {
        key = RelationKey(subject: subject, predicate: predicate, object: object, role: role)
        self.confidence = confidence
        evidence = [:]
        for p in provenance { add(p) }
    }

    private mutating func add(_ p: Provenance) {
        let slot = EvidenceSlot(p)
        if let kept = evidence[slot], !(p < kept) { return }
        evidence[slot] = p
    }

    public var subject: Subject { key.subject }
    public var predicate: IRI { key.predicate }
    public var object: Subject { key.object }
    public var role: String? { key.role }

    /// How many pieces of evidence support the edge.
    public var evidenceCount: Int { evidence.count }

    /// Drops the evidence read from one document; true if there was any.
    public mutating func removeEvidence(fromDocument id: String) -> Bool {
        let before = evidence.count
        evidence = evidence.filter { $0.value.document != id }
        return evidence.count != before
    }

    /// Adds evidence and keeps the higher confidence, so the result does
    /// not depend on the order facts arrive in.
    public mutating func absorb(_ other: Relation) {
        confidence = max(confidence, other.confidence)
        for p in other.evidence.values { add(p) }
    }
}
