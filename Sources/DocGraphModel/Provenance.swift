/// Where one piece of evidence for a relation was read: the document, the
/// sentence, offsets in Unicode scalars from the start of the document's
/// text, and the rule that fired.
public struct Provenance: Hashable, Comparable, Sendable, Codable {
    /// The ``Document/id`` of the source document.
    public var document: String
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// The subject mention, absent when the subject was implied (the author).
    public var subjectStart: Int?
    public var subjectEnd: Int?
    public var objectStart: Int?
    public var objectEnd: Int?
    /// The identifier of the extraction rule behind the edge.
    public var rule: String

    public init(document: String, sentence: String, sentenceStart: Int, sentenceEnd: Int,
                subjectStart: Int? = nil, subjectEnd: Int? = nil,
                objectStart: Int? = nil, objectEnd: Int? = nil, rule: String) {
        self.document = document
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.subjectStart = subjectStart
        self.subjectEnd = subjectEnd
        self.objectStart = objectStart
        self.objectEnd = objectEnd
        self.rule = rule
    }

    /// The sentence follows from the document and the offsets, so hashing
    /// leaves it out (it is the long part); equality still compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(document)
        hasher.combine(sentenceStart)
        hasher.combine(sentenceEnd)
        hasher.combine(subjectStart)
        hasher.combine(objectStart)
        hasher.combine(rule)
    }

    public static func < (a: Provenance, b: Provenance) -> Bool {
        (a.document, a.sentenceStart, a.sentenceEnd, a.subjectStart ?? -1, a.objectStart ?? -1, a.rule)
            < (b.document, b.sentenceStart, b.sentenceEnd, b.subjectStart ?? -1, b.objectStart ?? -1, b.rule)
    }
}
