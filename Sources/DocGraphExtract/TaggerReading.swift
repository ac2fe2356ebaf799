import DocGraphTagger

/// What the statistical tagger proposes in one document, in document
/// offsets: names of people, organizations and titled works. The rules
/// decide what becomes of them (``Extractor``): a person's name bounds a
/// post frame's name, a span the rules also found is confirmed, and the rest
/// is kept only where the lexicons agree it can be what the tagger says.
struct TaggerReading {
    struct Span {
        var range: Range<Int>
        var score: Float
    }
    /// Person names by their first scalar.
    var personsByStart: [Int: Span] = [:]
    /// Person names by the scalar after their last.
    var personsByEnd: [Int: Span] = [:]
    var persons: [Span] = []
    var organizations: [Span] = []
    /// Proper nouns and titles of works (LAC's `nz`, `nw`): laws named without 《》 among them.
    var works: [Span] = []
    /// The label of every word the tagger read, by the word's first scalar (empty without the tagger).
    var labelAt: [Int: String] = [:]

    /// Tags every sentence that holds a Han character (the model finds nothing in the others).
    init(model: TaggerModel, scalars: [Unicode.Scalar], sentences: [Range<Int>]) {
        let tagged = sentences.filter { r in scalars[r].contains(where: PersonFinder.isHan) }
        let results = model.tag(tagged.map { Array(scalars[$0]) })
        for (sentence, spans) in zip(tagged, results) {
            for span in spans {
                let s = Span(range: (sentence.lowerBound + span.range.lowerBound)..<(sentence.lowerBound + span.range.upperBound),
                             score: span.score)
                labelAt[s.range.lowerBound] = span.label
                switch span.label {
                case "PER":
                    persons.append(s)
                    personsByStart[s.range.lowerBound] = s
                    personsByEnd[s.range.upperBound] = s
                case "ORG": organizations.append(s)
                case "nz", "nw": works.append(s)
                default: break
                }
            }
        }
    }

    init() {}

    /// Labels of function words, numbers and other words no name starts with.
    static let notNames: Set<String> = ["c", "p", "u", "d", "r", "xc", "m", "q", "w", "f", "t", "TIME", "a", "ad", "an"]

    /// Whether the tagger read a word that is no name starting at `i` (和 in 和列席, a conjunction),
    /// or no word of the tagger's starts there at all (任接待 inside 主任接待).
    func deniesName(at i: Int) -> Bool {
        guard !labelAt.isEmpty else { return false }
        return labelAt[i].map(Self.notNames.contains) ?? true
    }
}
