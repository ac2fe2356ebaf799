/// Where one piece of evidence for a relation was read: the document, the
/// sentence, offsets in Unicode scalars from the start of the document's
/// text, the page for a paged document (PDF, scan), and the rule that fired.
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
    /// The page (from 1) the sentence starts on, for documents read from pages (PDF, scanned images).
    public var page: Int?

    public init(document: String, sentence: String, sentenceStart: Int, sentenceEnd: Int,
                subjectStart: Int? = nil, subjectEnd: Int? = nil,
                objectStart: Int? = nil, objectEnd: Int? = nil, rule: String, page: Int? = nil) {
        self.document = document
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.subjectStart = subjectStart
        self.subjectEnd = subjectEnd
        self.objectStart = objectStart
        self.objectEnd = objectEnd
        self.rule = rule
        self.page = page
    }

    /// Texts compare by code points (see ``CodePointString``).
    public static func == (a: Provenance, b: Provenance) -> Bool {
        a.sentenceStart == b.sentenceStart && a.sentenceEnd == b.sentenceEnd
            && a.subjectStart == b.subjectStart && a.subjectEnd == b.subjectEnd
            && a.objectStart == b.objectStart && a.objectEnd == b.objectEnd && a.page == b.page
            && CodePointString.equal(a.document, b.document) && CodePointString.equal(a.rule, b.rule)
            && CodePointString.equal(a.sentence, b.sentence)
    }

    /// The sentence follows from the document and the offsets, so hashing
    /// leaves it out (it is the long part); equality still compares it.
    public func hash(into hasher: inout Hasher) {
        CodePointString.hash(document, into: &hasher)
        hasher.combine(sentenceStart)
        hasher.combine(sentenceEnd)
        hasher.combine(subjectStart)
        hasher.combine(objectStart)
        CodePointString.hash(rule, into: &hasher)
    }

    /// Document, then position, then rule; a total order, so that sorted
    /// evidence never depends on the order it was gathered in.
    public static func < (a: Provenance, b: Provenance) -> Bool {
        if !CodePointString.equal(a.document, b.document) { return CodePointString.less(a.document, b.document) }
        let ka = (a.sentenceStart, a.sentenceEnd, a.subjectStart ?? -1, a.objectStart ?? -1)
        let kb = (b.sentenceStart, b.sentenceEnd, b.subjectStart ?? -1, b.objectStart ?? -1)
        if ka != kb { return ka < kb }
        if !CodePointString.equal(a.rule, b.rule) { return CodePointString.less(a.rule, b.rule) }
        if (a.subjectEnd ?? -1, a.objectEnd ?? -1, a.page ?? -1) != (b.subjectEnd ?? -1, b.objectEnd ?? -1, b.page ?? -1) {
            return (a.subjectEnd ?? -1, a.objectEnd ?? -1, a.page ?? -1) < (b.subjectEnd ?? -1, b.objectEnd ?? -1, b.page ?? -1)
        }
        return CodePointString.less(a.sentence, b.sentence)
    }
}
