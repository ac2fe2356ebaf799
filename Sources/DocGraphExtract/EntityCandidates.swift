import DocGraphLearn

/// A stretch of a sentence that may name an entity: proposed by a rule, by
/// the tagger, or by the shape of a body's name (words ending in a body's
/// head word: 局, 委员会, 党支部), with the features the trained entity
/// scorer decides on. The scorer picks the class (or none); overlapping
/// stretches are settled by its probabilities.
struct EntityCandidate {
    var range: Range<Int>
    /// The rules' and the tagger's mentions of exactly this stretch.
    var proposed: [Mention]
    var features: FeatureSet
}

/// The entity scorer's labels: none, then the four scored classes (their local names).
enum EntityLabels {
    static let none = "none"
    static let kinds: [EntityKind] = [.organization, .person, .regulation, .program]
    static let all = [none] + kinds.map(\.rawValue)
}

extension DocumentReading {
    /// The longest stretch a body's name is read over when only its shape proposes it.
    static let longestShapedName = 16

    /// Characters that never stand inside a name proposed by its shape.
    static let shapeStops = Set("，,。；;：:、“”《》()（）「」 \u{3000}的了在是对把被将向从于为和与及等".unicodeScalars)

    /// Every stretch of the sentence that may name an entity, with its features.
    func entityCandidates(_ reading: SentenceMentions, spans: [Int: (kind: String, end: Int, score: Float)], keepNames: Bool) -> [EntityCandidate] {
        let r = reading.range
        var byRange: [Range<Int>: [Mention]] = [:]
        var order: [Range<Int>] = []
        func propose(_ range: Range<Int>, _ m: Mention?) {
            guard !range.isEmpty, range.lowerBound >= r.lowerBound, range.upperBound <= r.upperBound else { return }
            if byRange[range] == nil { order.append(range); byRange[range] = [] }
            if let m { byRange[range]?.append(m) }
        }
        for m in reading.candidates { propose(m.range, m) }
        for i in r {
            if let span = spans[i], span.end <= r.upperBound { propose(i..<span.end, nil) }
        }
        let labels = people.tagged.labelAt
        func wordStart(_ i: Int) -> Bool { labels.isEmpty || labels[i] != nil }
        // Bodies by their shape: a body's head word, and the words before it back to a stop.
        for end in (r.lowerBound + 1)...r.upperBound {
            guard let head = index.organizationHeads.longest(endingAt: end, in: s, lowerBound: r.lowerBound),
                  end == r.upperBound || wordStart(end) else { continue }
            var start = head.start
            while start > r.lowerBound, end - start < Self.longestShapedName, !Self.shapeStops.contains(s[start - 1]) {
                start -= 1
                if end - start >= 2 && wordStart(start) { propose(start..<end, nil) }
            }
        }
        // Quoted names: “…” alone (a program's name) as well as with the noun the rules read after it.
        var i = r.lowerBound
        while i < r.upperBound {
            if let close = ProgramFinder.closingQuote(of: s[i]), let j = ((i + 1)..<r.upperBound).first(where: { s[$0] == close }) {
                if j - i <= ProgramFinder.longestName + 1 { propose(i..<(j + 1), nil) }
                i = j + 1
            } else {
                i += 1
            }
        }
        let features = EntitySpanFeatures(reading: self, sentence: r, tagged: spans, keepNames: keepNames)
        return order.map { range in
            EntityCandidate(range: range, proposed: byRange[range] ?? [], features: features.of(range, proposed: byRange[range] ?? []))
        }
    }
}

/// The features of one candidate stretch: where it starts and ends (the
/// characters and the tagger's words around it, a post title next to it),
/// what it is made of (its length, last characters, a place or a surname at
/// its start), and who proposed it (which rule, the tagger and how sure).
struct EntitySpanFeatures {
    let reading: DocumentReading
    let sentence: Range<Int>
    let tagged: [Int: (kind: String, end: Int, score: Float)]
    let keepNames: Bool
    /// The tagger's tag of the word each position starts, and the start of the word holding each position.
    let tagAt: [Int: String]
    /// Where post titles start and end, and how many positions before each one a title or a
    /// tagger's name covers (so that overlap with a stretch is one subtraction).
    let titleStarts: Set<Int>
    let titleEnds: Set<Int>
    let titleCover: [Int]
    let spanCover: [Int]
    /// Whether each position of the sentence stands inside quotes.
    let quoted: [Bool]

    static let length = FeatureTemplate("len"), last1 = FeatureTemplate("last1"), last2 = FeatureTemplate("last2")
    static let firstType = FeatureTemplate("first.t"), lastType = FeatureTemplate("last.t")
    static let prev = FeatureTemplate("prev"), prevType = FeatureTemplate("prev.t"), prevTag = FeatureTemplate("prev.tag"), prevWord = FeatureTemplate("prev.w")
    static let next = FeatureTemplate("next"), nextType = FeatureTemplate("next.t"), nextTag = FeatureTemplate("next.tag"), nextWord = FeatureTemplate("next.w")
    static let source = FeatureTemplate("src"), shape = FeatureTemplate("shape"), words = FeatureTemplate("words")
    static let lastWithLength = FeatureTemplate("last1&len")

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

    init(reading: DocumentReading, sentence: Range<Int>, tagged: [Int: (kind: String, end: Int, score: Float)], keepNames: Bool) {
        self.reading = reading
        self.sentence = sentence
        self.tagged = tagged
        self.keepNames = keepNames
        var tagAt: [Int: String] = [:]
        for i in sentence { if let t = reading.people.tagged.labelAt[i] { tagAt[i] = t } }
        self.tagAt = tagAt
        let titles = reading.titles(in: DocumentReading.SentenceMentions(range: sentence, mentions: [], candidates: [], posts: []))
        titleStarts = Set(titles.map(\.range.lowerBound))
        titleEnds = Set(titles.map(\.range.upperBound))
        titleCover = Self.cover(titles.map(\.range), in: sentence)
        var quoted: [Bool] = []
        var depth = 0
        for i in sentence {
            quoted.append(depth > 0)
            switch reading.s[i] {
            case "《", "“", "「": depth += 1
            case "》", "”", "」": depth = max(0, depth - 1)
            default: break
            }
        }
        self.quoted = quoted
        spanCover = Self.cover(sentence.compactMap { i in tagged[i].map { i..<min($0.end, sentence.upperBound) } }, in: sentence)
    }

    /// For each position of the sentence and the one after it, how many positions before it the ranges cover.
    static func cover(_ ranges: [Range<Int>], in sentence: Range<Int>) -> [Int] {
        var covered = [Bool](repeating: false, count: sentence.count)
        for r in ranges { for k in r.clamped(to: sentence) { covered[k - sentence.lowerBound] = true } }
        var out = [0]
        for c in covered { out.append(out[out.count - 1] + (c ? 1 : 0)) }
        return out
    }

    /// Whether any position of `range` is covered, by a cover made with ``cover(_:in:)``.
    func covers(_ cover: [Int], _ range: Range<Int>) -> Bool {
        cover[range.upperBound - sentence.lowerBound] > cover[range.lowerBound - sentence.lowerBound]
    }

    func wordStart(_ i: Int) -> Bool { i == sentence.upperBound || tagAt.isEmpty || tagAt[i] != nil }

    /// The word (its range and tag) that ends right before `i`.
    func word(endingAt i: Int) -> (range: Range<Int>, tag: String)? {
        guard i > sentence.lowerBound else { return nil }
        var k = i - 1
        while k > sentence.lowerBound, tagAt[k] == nil { k -= 1 }
        return (k..<i, tagAt[k] ?? "?")
    }

    /// The word that starts at `i`.
    func word(startingAt i: Int) -> (range: Range<Int>, tag: String)? {
        guard i < sentence.upperBound else { return nil }
        var k = i + 1
        while k < sentence.upperBound, tagAt[k] == nil, !tagAt.isEmpty { k += 1 }
        return (i..<k, tagAt[i] ?? "?")
    }

    static func lengthBucket(_ n: Int) -> String {
        switch n {
        case ..<5: return String(n)
        case 5...6: return "5-6"
        case 7...9: return "7-9"
        case 10...14: return "10-14"
        default: return "15+"
        }
    }

    func of(_ range: Range<Int>, proposed: [Mention]) -> FeatureSet {
        typealias F = EntitySpanFeatures
        let s = reading.s
        var f = FeatureSet(keepingNames: keepNames)
        f.add("bias")
        let n = range.count
        f.add(F.length, F.lengthBucket(n))
        f.add(F.last1, s[range.upperBound - 1])
        if n >= 2 { f.add(F.last2, scalars: s[(range.upperBound - 2)..<range.upperBound]) }
        f.add(F.lastWithLength, String(Character(s[range.upperBound - 1])) + "&" + F.lengthBucket(n))
        f.add(F.firstType, EntitySpanFeatures.kind(s[range.lowerBound]))
        f.add(F.lastType, EntitySpanFeatures.kind(s[range.upperBound - 1]))
        if range.lowerBound > sentence.lowerBound {
            let c = s[range.lowerBound - 1]
            f.add(F.prev, c)
            f.add(F.prevType, EntitySpanFeatures.kind(c))
            if let w = word(endingAt: range.lowerBound) {
                f.add(F.prevTag, w.tag)
                if w.range.count <= 2 && !SentenceUnits.opaqueTags.contains(w.tag) { f.add(F.prevWord, scalars: s[w.range]) }
            }
        } else {
            f.add(F.prev, "^")
        }
        if range.upperBound < sentence.upperBound {
            let c = s[range.upperBound]
            f.add(F.next, c)
            f.add(F.nextType, EntitySpanFeatures.kind(c))
            if let w = word(startingAt: range.upperBound) {
                f.add(F.nextTag, w.tag)
                if w.range.count <= 2 && !SentenceUnits.opaqueTags.contains(w.tag) { f.add(F.nextWord, scalars: s[w.range]) }
            }
        } else {
            f.add(F.next, "$")
        }
        f.add(F.shape, wordStart(range.lowerBound) ? "starts-word" : "starts-inside-word")
        f.add(F.shape, wordStart(range.upperBound) ? "ends-word" : "ends-inside-word")
        var words = 0
        for k in range where tagAt[k] != nil { words += 1 }
        f.add(F.words, F.lengthBucket(words))
        if titleStarts.contains(range.upperBound) { f.add(F.shape, "title-after") }
        if titleEnds.contains(range.lowerBound) { f.add(F.shape, "title-before") }
        if covers(titleCover, range) { f.add(F.shape, "holds-title") }
        if quoted[range.lowerBound - sentence.lowerBound] { f.add(F.shape, "inside-quotes") }
        if ProgramFinder.closingQuote(of: s[range.lowerBound]) != nil { f.add(F.shape, "opens-quote") }
        if s[range.lowerBound] == "《" { f.add(F.shape, "opens-title") }
        if range.contains(where: { "·•‧・".unicodeScalars.contains(s[$0]) }) { f.add(F.shape, "middle-dot") }
        if !range.allSatisfy({ PersonFinder.isHan(s[$0]) }) { f.add(F.shape, "not-all-han") }
        if reading.people.surname(at: range.lowerBound) != nil { f.add(F.shape, "surname-first") }
        for end in stride(from: range.lowerBound + 2, through: range.upperBound, by: 1) {
            if let p = reading.orgs.place(endingAt: end), p.0 == range.lowerBound {
                f.add(F.shape, end == range.upperBound ? "is-place" : "place-first")
                break
            }
        }
        if reading.orgs.levelWord(endingAt: range.lowerBound + 1, lowerBound: range.lowerBound) != nil { f.add(F.shape, "level-word-first") }
        if let h = reading.index.organizationHeads.longest(endingAt: range.upperBound, in: s, lowerBound: range.lowerBound) {
            f.add(F.shape, "body-head=" + (h.start == range.lowerBound ? "whole" : String(range.upperBound - h.start)))
        }
        if reading.index.regulationHeads.contains(where: { LexiconIndex.word($0, endsAt: range.upperBound, in: s, lowerBound: range.lowerBound) }) {
            f.add(F.shape, "regulation-head")
        }
        if reading.index.programNouns.contains(where: { LexiconIndex.word($0, endsAt: range.upperBound, in: s, lowerBound: range.lowerBound) }) {
            f.add(F.shape, "program-noun")
        }
        // Who proposed it.
        if let t = tagged[range.lowerBound], t.end == range.upperBound {
            f.add(F.source, "tagger|" + t.kind + "|" + (t.score >= 0.9 ? "sure" : t.score >= 0.6 ? "likely" : "unsure"))
        } else if covers(spanCover, range) {
            f.add(F.source, "tagger-overlaps")
        }
        for m in proposed {
            f.add(F.source, "rule|" + m.kind.rawValue + "|" + m.rule.shortName)
            f.add(F.source, "rule|" + m.kind.rawValue)
        }
        if proposed.isEmpty { f.add(F.source, "shape-only") }
        return f
    }
}
