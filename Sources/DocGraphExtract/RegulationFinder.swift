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
                out.append(Mention(kind: "Regulation", range: i..<(close + 1), surface: "《\(title)》",
                                   canonical: "《\(title)》", aliases: [title], rule: "regulation.titled"))
            }
            i = close + 1
        }
        return out
    }
}
