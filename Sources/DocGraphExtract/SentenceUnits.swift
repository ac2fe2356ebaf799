/// A sentence as the relation scorer reads it: its mentions, each one unit
/// standing for its class (`<ORG>`), and between them the tagger's words,
/// each the word itself unless it is a name, a number or a long proper noun
/// (then its tag: `<LOC>`, `<m>`), so that no feature carries a name.
/// Without the tagger every character outside a mention is a word.
struct SentenceUnits {
    struct Unit {
        var range: Range<Int>
        /// Index in the sentence's mentions, for a mention.
        var mention: Int?
        /// What features call the unit.
        var form: String
        /// The clause (split at ，and ：) the unit stands in, from 0.
        var clause: Int
    }
    var units: [Unit] = []
    /// The sentence's verbs (the tagger's v and vn words, once each, in text order): what the
    /// sentence does, whoever does it (会同, 印发), and none in a line that only addresses bodies.
    var verbs: [String] = []
    /// The unit of each mention.
    var unitOfMention: [Int] = []
    /// For each unit: how many bodies and people stand before it, and the first unit of its clause.
    var bodiesBefore: [Int] = []
    var peopleBefore: [Int] = []
    var clauseStart: [Int] = []

    /// Tags whose words are names or numbers: features see the tag, never the word.
    static let opaqueTags: Set<String> = ["PER", "ORG", "LOC", "nz", "nw", "m", "TIME", "q", "xc"]
    /// Words longer than this are seen as their tag.
    static let longestWord = 4

    static func placeholder(_ kind: EntityKind) -> String {
        switch kind {
        case .organization: return "<ORG>"
        case .regulation: return "<REG>"
        case .program: return "<PROG>"
        case .person: return "<PER>"
        }
    }

    /// - Parameter labelAt: the tagger's tag of each word, by the word's first scalar (empty without the tagger).
    init(sentence: Range<Int>, mentions: [Mention], text s: [Unicode.Scalar], labelAt: [Int: String]) {
        unitOfMention = Array(repeating: 0, count: mentions.count)
        var clause = 0
        var depth = 0
        var i = sentence.lowerBound
        var m = 0
        func addWord(_ r: Range<Int>, tag: String?) {
            guard !r.isEmpty else { return }
            let form: String
            if let tag, Self.opaqueTags.contains(tag) || r.count > Self.longestWord {
                form = "<" + tag + ">"
            } else {
                form = String(scalars: s[r])
            }
            units.append(Unit(range: r, mention: nil, form: form, clause: clause))
            if tag == "v" || tag == "vn", !verbs.contains(form) { verbs.append(form) }
        }
        while i < sentence.upperBound {
            if m < mentions.count, mentions[m].range.lowerBound <= i {
                let r = mentions[m].range
                unitOfMention[m] = units.count
                units.append(Unit(range: r, mention: m, form: Self.placeholder(mentions[m].kind), clause: clause))
                i = max(i + 1, r.upperBound)
                m += 1
                continue
            }
            let u = s[i]
            switch u {
            case "《", "“", "（": depth += 1
            case "》", "”", "）": depth = max(0, depth - 1)
            default: break
            }
            if u == " " || u == "\u{3000}" { i += 1; continue }
            if depth == 0, u == "，" || u == "：" || u == "," || u == ":" {
                addWord(i..<(i + 1), tag: "w")
                clause += 1
                i += 1
                continue
            }
            // The tagger's word starting here, cut short at the next mention; else one character.
            var end = i + 1
            let tag = labelAt[i]
            if tag != nil {
                while end < sentence.upperBound, labelAt[end] == nil, m >= mentions.count || end < mentions[m].range.lowerBound { end += 1 }
            }
            addWord(i..<end, tag: tag)
            i = end
        }
        var bodies = 0, people = 0, start = 0
        for (k, unit) in units.enumerated() {
            if k > 0, unit.clause != units[k - 1].clause { start = k }
            bodiesBefore.append(bodies)
            peopleBefore.append(people)
            clauseStart.append(start)
            if unit.form == "<ORG>" { bodies += 1 }
            if unit.form == "<PER>" { people += 1 }
        }
    }
}
