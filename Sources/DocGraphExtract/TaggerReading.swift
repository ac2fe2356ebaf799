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
    /// Where each word the tagger read ends, by its first scalar.
    var wordEnd: [Int: Int] = [:]
    /// Where the text writes each of the tagger's two-character names, by the name (packed as a pair).
    var twoCharacterNames: [UInt64: [Int]] = [:]
    /// The names the tagger read with confidence (at least `minimumNameScore`), and how often.
    var confidentNames: [ArraySlice<Unicode.Scalar>: Int] = [:]
    /// The least score at which a name of the tagger's bounds a name (`tagger.name.minimum-score` of the policy).
    var minimumNameScore: Float = 1

    /// Tags every sentence that holds a Han character (the model finds nothing in the others).
    init(model: TaggerModel, scalars: [Unicode.Scalar], sentences: [Range<Int>], minimumNameScore: Float) {
        self.minimumNameScore = minimumNameScore
        let tagged = sentences.filter { r in scalars[r].contains(where: PersonFinder.isHan) }
        let results = model.tag(tagged.map { Array(scalars[$0]) })
        for (sentence, spans) in zip(tagged, results) {
            for span in spans {
                let s = Span(range: (sentence.lowerBound + span.range.lowerBound)..<(sentence.lowerBound + span.range.upperBound),
                             score: span.score)
                labelAt[s.range.lowerBound] = span.label
                wordEnd[s.range.lowerBound] = s.range.upperBound
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
        indexTwoCharacterNames(in: scalars)
    }

    init() {}

    /// Indexes the names the tagger is confident of, and every place the text writes one of its
    /// two-character names (for ``PersonFinder/alwaysWrittenOn(_:)``), in one pass over the text.
    mutating func indexTwoCharacterNames(in scalars: [Unicode.Scalar]) {
        for p in persons where p.score >= minimumNameScore && (2...4).contains(p.range.count) {
            confidentNames[scalars[p.range], default: 0] += 1
        }
        for p in persons where p.range.count == 2 { twoCharacterNames[LexiconIndex.pair(scalars[p.range.lowerBound], scalars[p.range.lowerBound + 1])] = [] }
        guard !twoCharacterNames.isEmpty, scalars.count >= 2 else { return }
        for i in 0..<(scalars.count - 1) {
            let key = LexiconIndex.pair(scalars[i], scalars[i + 1])
            if twoCharacterNames[key] != nil { twoCharacterNames[key]?.append(i) }
        }
    }

    /// Labels of function words, numbers and other words no name starts with.
    static let notNames: Set<String> = ["c", "p", "u", "d", "r", "xc", "m", "q", "w", "f", "t", "TIME", "a", "ad", "an"]

    /// Whether the tagger read a word that is no name starting at `i` (和 in 和列席, a conjunction),
    /// or no word of the tagger's starts there at all (任接待 inside 主任接待).
    func deniesName(at i: Int) -> Bool {
        guard !labelAt.isEmpty else { return false }
        return labelAt[i].map(Self.notNames.contains) ?? true
    }

    /// Labels of names.
    static let nameLabels: Set<String> = ["PER", "nr"]

    /// Whether the tagger read a word of two characters or more that is no name starting at `i` and ending
    /// by `end` (全体, 常务, 党委 where a surname stands: the surname there begins a word). A word that runs on
    /// past `end` (陈立总书记 read as one) says nothing about the name.
    func readsAsWord(at i: Int, endingBy end: Int) -> Bool {
        guard let label = labelAt[i], let wordEnd = wordEnd[i] else { return false }
        return !Self.nameLabels.contains(label) && wordEnd - i >= 2 && wordEnd <= end
    }

    /// Labels of verbs, adjectives, adverbs and function words: a given name is none of them (应出席, 张强调).
    static let notGivenNames: Set<String> = ["v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "r", "m", "q", "f", "t", "TIME", "xc", "w"]

    /// Whether the tagger's reading rules out the name `r` whose surname has `surname` characters: no word
    /// starts at it, or a function word does, or a word that is no name fills its start (全体, 常务), or its
    /// given name is read as a verb or another word no name is (应出席: 出席, 张强调: 强调).
    func deniesName(_ r: Range<Int>, surname: Int) -> Bool {
        guard !labelAt.isEmpty else { return false }
        if deniesName(at: r.lowerBound) || readsAsWord(at: r.lowerBound, endingBy: r.upperBound) { return true }
        let given = r.lowerBound + surname
        guard let label = labelAt[given], let end = wordEnd[given] else { return false }
        return end - given >= 2 && Self.notGivenNames.contains(label)
    }
}
