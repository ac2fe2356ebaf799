/// Finds regulations: 《…》 titles whose last words are a regulation head
/// noun (法, 条例, 办法 …). A 《…》 naming a book or a newspaper is left out.
struct RegulationFinder {
    let index: LexiconIndex
    /// The normalized text, for matching; the original, for titles.
    let scalars: [Unicode.Scalar]
    let original: [Unicode.Scalar]

    func find(in range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard scalars[i] == "《", let close = scalars[(i + 1)..<range.upperBound].firstIndex(of: "》") else { i += 1; continue }
            // A draft is still the regulation: 《…条例(草案)》 ends with its head noun before the bracket.
            var coreEnd = close
            if close > i + 1, scalars[close - 1] == ")" || scalars[close - 1] == "）",
               let open = scalars[(i + 1)..<close].lastIndex(where: { $0 == "(" || $0 == "（" }) {
                coreEnd = open
            }
            if coreEnd > i + 1,
               index.regulationHeads.contains(where: { LexiconIndex.word($0, endsAt: coreEnd, in: scalars, lowerBound: i + 1) }) {
                let title = String(scalars: original[(i + 1)..<close])
                var m = Mention(kind: .regulation, range: i..<(close + 1), surface: "《\(title)》",
                                canonical: "《\(title)》", aliases: [title], rule: .regulationTitled)
                m.revises = revised(in: (i + 1)..<close)
                out.append(m)
            }
            i = close + 1
        }
        return out + unquoted(in: range, besides: out)
    }

    /// Regulations named without 《》 right after a verb of making or changing one (制订养老服务条例,
    /// 修改城镇园林绿化条例): a run of words, with no particle or punctuation, ending in a head noun that
    /// names a legal text even unquoted (条例, 办法; not 意见 or 规划, which end ordinary phrases too).
    func unquoted(in range: Range<Int>, besides quoted: [Mention]) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard index.unquotedRegulationCueStarts.contains(scalars[i]),
                  let cue = index.unquotedRegulationCues.first(where: { w in
                      i + w.count <= range.upperBound && scalars[i..<(i + w.count)].elementsEqual(w) })
            else { i += 1; continue }
            var start = i + cue.count
            if start < range.upperBound, scalars[start] == "了" { start += 1 }
            // 研究出台…: the name starts after the last cue; 修改四条条例 counts laws, it names none.
            if index.unquotedRegulationCues.contains(where: { w in
                start + w.count <= range.upperBound && scalars[start..<(start + w.count)].elementsEqual(w) }) {
                i = start
                continue
            }
            if start < range.upperBound, "一二三四五六七八九十两几多各该本此".unicodeScalars.contains(scalars[start]) { i = start; continue }
            var end: Int?
            var k = start
            while k < min(range.upperBound, start + Self.longestUnquoted), PersonFinder.isHan(scalars[k]),
                  !OrganizationFinder.subBodyStops.contains(scalars[k]) {
                k += 1
                if k - start >= 4, index.unquotedRegulationHeads.contains(where: { LexiconIndex.word($0, endsAt: k, in: scalars, lowerBound: start) }) {
                    end = k
                    break
                }
            }
            if let end, !quoted.contains(where: { $0.range.overlaps(start..<end) }) {
                let name = String(scalars: original[start..<end])
                out.append(Mention(kind: .regulation, range: start..<end, surface: name, canonical: name, rule: .regulationAfterCue))
                i = end
            } else {
                i += cue.count
            }
        }
        return out
    }

    /// The regulations a decision's title says it changes: 《…关于修改〈X条例〉的决定》 revises X.
    func revised(in title: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var k = title.lowerBound
        while k < title.upperBound {
            guard "〈<「".unicodeScalars.contains(scalars[k]),
                  index.revisionCues.contains(where: { LexiconIndex.word($0, endsAt: k, in: scalars, lowerBound: title.lowerBound) }),
                  let close = scalars[(k + 1)..<title.upperBound].firstIndex(where: { "〉>」".unicodeScalars.contains($0) }), close > k + 1
            else { k += 1; continue }
            let name = String(scalars: original[(k + 1)..<close])
            out.append(Mention(kind: .regulation, range: k..<(close + 1), surface: name, canonical: name, rule: .regulationRevisedInTitle))
            k = close + 1
        }
        return out
    }

    /// The longest regulation name read without 《》.
    static let longestUnquoted = 24
}
