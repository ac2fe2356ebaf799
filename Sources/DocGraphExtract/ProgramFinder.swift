/// Finds programs: a quoted name (“…”) that ends in a program noun
/// (“山长制”, “清渠行动”) or is followed by one (“数字治理”平台,
/// “三走进”代表主题活动). A quoted phrase with no such noun is a slogan.
struct ProgramFinder {
    let index: LexiconIndex
    /// The normalized text, for matching; the original, for names.
    let scalars: [Unicode.Scalar]
    let original: [Unicode.Scalar]
    /// The closing quote of a quote that opens with `u`.
    static func closingQuote(of u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "“": return "”"
        case "‘": return "’"
        case "「": return "」"
        default: return nil
        }
    }
    /// How far after the closing quote a program noun may end (代表主题活动),
    /// and how many words may stand between them (代表主题).
    static let reach = 8
    static let gap = 4
    static let conjunctions: Set<Unicode.Scalar> = ["和", "与", "及", "或", "并"]
    static let longestName = 24

    func text(_ r: Range<Int>) -> String {
        String(scalars: original[r])
    }

    /// Where the quoted name opening at `i` closes, or nil.
    func closing(_ i: Int, _ range: Range<Int>) -> Int? {
        guard let close = Self.closingQuote(of: scalars[i]) else { return nil }
        return ((i + 1)..<range.upperBound).first { scalars[$0] == close }
    }

    /// After a quoted name closing at `j`: the close of the last quoted name
    /// in a list that follows directly (“甲”“乙”, “甲”、“乙”).
    func endOfList(after j: Int, _ range: Range<Int>) -> Int {
        var last = j
        var k = j + 1
        while k < range.upperBound {
            if scalars[k] == "、" || scalars[k] == "和" { k += 1 }
            guard k < range.upperBound, let next = closing(k, range) else { break }
            last = next
            k = next + 1
        }
        return last
    }

    /// Punctuation that ends a sentence or clause: a quote holding it is a sentence, not a name.
    static func isSentencePunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", ",", "。", "；", ";", "！", "？", "!", "?": return true
        default: return false
        }
    }

    /// Han characters, letters and digits: what a program noun after a quote is made of.
    static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x9FFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    func find(in range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard let j = closing(i, range) else { i += 1; continue }
            let inner = (i + 1)..<j
            defer { i = j + 1 }
            guard !inner.isEmpty, inner.count <= Self.longestName, !inner.contains(where: { Self.isSentencePunctuation(scalars[$0]) })
            else { continue }
            let name = text(inner)
            if index.programNouns.contains(where: { LexiconIndex.word($0, endsAt: j, in: scalars, lowerBound: i + 1) }) {
                out.append(Mention(kind: .program, range: i..<(j + 1), surface: text(i..<(j + 1)), canonical: name,
                                   rule: .programQuotedName))
                continue
            }
            // A program noun within reach after the quote (or after the list it
            // opens), before any punctuation; 等 may come first (“甲”“乙”等活动).
            let listEnd = endOfList(after: j, range)
            var k = listEnd + 1
            if k < range.upperBound && scalars[k] == "等" { k += 1 }
            let nounStart = k
            var best: Int?
            // A verb right after the quote starts a predicate (“联络站”开展各类活动):
            // the quoted name is its subject or object, not the modifier of a noun.
            let predicateFollows = (nounStart + 2...nounStart + 3).contains { end in
                end <= range.upperBound
                    && index.clauseVerbs.longest(endingAt: end, in: scalars, minimumLength: 2, lowerBound: nounStart)?.start == nounStart
            }
            while !predicateFollows && k < min(range.upperBound, nounStart + Self.reach) {
                let u = scalars[k]
                if !Self.isWordCharacter(u) || Self.conjunctions.contains(u) { break }
                k += 1
                if let noun = index.programNouns.first(where: { LexiconIndex.word($0, endsAt: k, in: scalars, lowerBound: nounStart) }),
                   k - nounStart - noun.count <= Self.gap { best = k }
            }
            if let best, listEnd == j {
                let full = name + text((j + 1)..<best)
                // A quoted number or code (“2048”产业体系) names nothing alone: the
                // program is the name with its noun.
                let namesAlone = inner.contains { PersonFinder.isHan(scalars[$0]) }
                out.append(Mention(kind: .program, range: i..<best, surface: text(i..<best),
                                   canonical: namesAlone ? name : full, aliases: [namesAlone ? full : name],
                                   rule: .programQuotedNameNoun))
            } else if best != nil {
                // One of a list: the name alone; the next quoted name is read in turn.
                out.append(Mention(kind: .program, range: i..<(j + 1), surface: text(i..<(j + 1)), canonical: name,
                                   rule: .programQuotedNameList))
            }
        }
        return out
    }
}
