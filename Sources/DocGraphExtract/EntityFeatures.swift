import DocGraphLearn

/// The features of each character of a sentence for the entity tagger: the
/// characters around it, what the statistical tagger read there (its word's
/// tag and the character's place in it, the names it proposed), what the
/// rules proposed there (a mention's class, the character's place in it, the
/// rule), and the closed classes the lexicons know (a surname, a place, a
/// post title, a body's head word, a regulation's head noun, a program noun,
/// quotes). The trained tagger weighs them all: where the rules, the lexicons
/// and the tagger disagree on a span or its class, it decides.
struct EntityFeatures {
    static let char = FeatureTemplate("c")
    static let before1 = FeatureTemplate("c-1"), before2 = FeatureTemplate("c-2")
    static let after1 = FeatureTemplate("c+1"), after2 = FeatureTemplate("c+2")
    static let bigramBefore = FeatureTemplate("c-1c"), bigramAfter = FeatureTemplate("cc+1")
    static let type = FeatureTemplate("t"), typeBefore = FeatureTemplate("t-1"), typeAfter = FeatureTemplate("t+1")
    static let word = FeatureTemplate("w"), wordBefore = FeatureTemplate("w-1"), wordAfter = FeatureTemplate("w+1")
    static let wordChar = FeatureTemplate("w|c")
    static let span = FeatureTemplate("span")
    static let rule = FeatureTemplate("r"), ruleKind = FeatureTemplate("rk")
    static let lexicon = FeatureTemplate("lex")
    static let quote = FeatureTemplate("q")
    static let edge = FeatureTemplate("edge")

    /// A character's class: Han, digit, Latin letter, an opening or closing bracket or quote, a list or clause mark, other.
    static func kind(_ u: Unicode.Scalar) -> String {
        switch u {
        case "《", "“", "「", "（", "(", "〈", "‘": return "open"
        case "》", "”", "」", "）", ")", "〉", "’": return "close"
        case "、": return "list"
        case "，", ",", "：", ":", "；", ";", "。": return "stop"
        case "·", "•", "‧", "・": return "dot"
        case " ", "\u{3000}": return "space"
        default:
            if PersonFinder.isHan(u) { return "han" }
            if u.properties.numericType != nil { return "digit" }
            if u.properties.isAlphabetic { return "latin" }
            return "other"
        }
    }

    /// A character's place in a span: B (first), I (inside), E (last), S (alone).
    static func place(_ i: Int, in r: Range<Int>) -> String {
        r.count == 1 ? "S" : i == r.lowerBound ? "B" : i == r.upperBound - 1 ? "E" : "I"
    }
}

extension DocumentReading {
    /// The tagger's proposed names in the document by their first scalar: class, end and score.
    func taggerSpans() -> [Int: (kind: String, end: Int, score: Float)] {
        var out: [Int: (kind: String, end: Int, score: Float)] = [:]
        for s in people.tagged.persons { out[s.range.lowerBound] = ("PER", s.range.upperBound, s.score) }
        for s in people.tagged.organizations { out[s.range.lowerBound] = ("ORG", s.range.upperBound, s.score) }
        for s in people.tagged.works { out[s.range.lowerBound] = ("nz", s.range.upperBound, s.score) }
        return out
    }

    /// Each character's features in `reading` (a sentence), given every mention the rules and
    /// the tagger proposed there, overlapping or not.
    func entityFeatures(_ reading: SentenceMentions, spans: [Int: (kind: String, end: Int, score: Float)], keepNames: Bool) -> [FeatureSet] {
        typealias F = EntityFeatures
        let r = reading.range
        let n = r.count
        var out = [FeatureSet](repeating: FeatureSet(keepingNames: keepNames), count: n)
        func at(_ i: Int) -> Unicode.Scalar { i < r.lowerBound ? "^" : i >= r.upperBound ? "$" : s[i] }
        // The tagger's words: each position's word range and tag.
        var wordStart = r.lowerBound
        var tagOf: [String] = Array(repeating: "", count: n)
        var wordOf: [Range<Int>] = Array(repeating: r.lowerBound..<r.lowerBound, count: n)
        let labels = people.tagged.labelAt
        var i = r.lowerBound
        while i < r.upperBound {
            wordStart = i
            let tag = labels[i] ?? "?"
            var end = i + 1
            while end < r.upperBound, labels[end] == nil, !labels.isEmpty { end += 1 }
            for k in i..<end { tagOf[k - r.lowerBound] = tag; wordOf[k - r.lowerBound] = wordStart..<end }
            i = end
        }
        var depth: [Unicode.Scalar] = []
        for i in r {
            let t = i - r.lowerBound
            var f = FeatureSet(keepingNames: keepNames)
            let c = s[i]
            f.add(F.char, c)
            f.add(F.before1, at(i - 1)); f.add(F.before2, at(i - 2))
            f.add(F.after1, at(i + 1)); f.add(F.after2, at(i + 2))
            f.add(F.bigramBefore, scalars: [at(i - 1), c])
            f.add(F.bigramAfter, scalars: [c, at(i + 1)])
            f.add(F.type, F.kind(c))
            f.add(F.typeBefore, F.kind(at(i - 1)))
            f.add(F.typeAfter, F.kind(at(i + 1)))
            let w = wordOf[t], tag = tagOf[t]
            f.add(F.word, tag + "|" + F.place(i, in: w))
            f.add(F.wordChar, tag + "|" + String(Character(c)))
            if i == w.lowerBound { f.add(F.wordBefore, t > 0 ? tagOf[t - 1] : "^") }
            if i == w.upperBound - 1 { f.add(F.wordAfter, t + 1 < n ? tagOf[t + 1] : "$") }
            if i == r.lowerBound { f.add(F.edge, "start") }
            if i == r.upperBound - 1 { f.add(F.edge, "end") }
            switch c {
            case "《", "“", "「": depth.append(c)
            case "》", "”", "」": if !depth.isEmpty { depth.removeLast() }
            default: break
            }
            if let q = depth.last { f.add(F.quote, q) }
            out[t] = f
        }
        // The tagger's names.
        for i in r {
            guard let span = spans[i], span.end <= r.upperBound else { continue }
            let score = span.score >= 0.9 ? "sure" : span.score >= 0.6 ? "likely" : "unsure"
            for k in i..<span.end { out[k - r.lowerBound].add(F.span, span.kind + "|" + F.place(k, in: i..<span.end) + "|" + score) }
        }
        // The rules' mentions, overlapping ones included.
        for m in reading.candidates {
            let range = m.range.clamped(to: r)
            let rule = m.rule.split(separator: ".").last.map(String.init) ?? m.rule
            for k in range {
                let place = F.place(k, in: m.range)
                out[k - r.lowerBound].add(F.ruleKind, m.kind + "|" + place)
                out[k - r.lowerBound].add(F.rule, m.kind + "|" + place + "|" + rule)
            }
        }
        // The closed classes of the lexicons.
        for i in r {
            let t = i - r.lowerBound
            if index.singleSurnames.contains(s[i]) { out[t].add(F.lexicon, "surname") }
            if i + 1 < r.upperBound, index.compoundSurnameStarts.contains(s[i]),
               index.compoundSurnames.contains(LexiconIndex.pair(s[i], s[i + 1])) { out[t].add(F.lexicon, "surname2") }
            let end = i + 1
            if let p = orgs.place(endingAt: end), p.0 >= r.lowerBound {
                out[t].add(F.lexicon, "place-end")
                out[p.0 - r.lowerBound].add(F.lexicon, "place-start")
            }
            if let h = index.organizationHeads.longest(endingAt: end, in: s, lowerBound: r.lowerBound) {
                out[t].add(F.lexicon, "body-head-end")
                out[h.start - r.lowerBound].add(F.lexicon, "body-head-start")
            }
            if index.regulationHeads.contains(where: { LexiconIndex.word($0, endsAt: end, in: s, lowerBound: r.lowerBound) }) {
                out[t].add(F.lexicon, "regulation-head-end")
            }
            if index.programNouns.contains(where: { LexiconIndex.word($0, endsAt: end, in: s, lowerBound: r.lowerBound) }) {
                out[t].add(F.lexicon, "program-noun-end")
            }
        }
        for title in titles(in: reading) {
            for k in title.range { out[k - r.lowerBound].add(F.lexicon, "title|" + F.place(k, in: title.range)) }
            if title.range.lowerBound > r.lowerBound { out[title.range.lowerBound - 1 - r.lowerBound].add(F.lexicon, "before-title") }
            if title.range.upperBound < r.upperBound { out[title.range.upperBound - r.lowerBound].add(F.lexicon, "after-title") }
        }
        return out
    }
}
