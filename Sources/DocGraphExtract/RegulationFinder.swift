/// Finds regulations: 《…》 titles whose last words are a regulation head
/// noun (法, 条例, 办法 …). A 《…》 naming a book or a newspaper is left out.
struct RegulationFinder {
    let rules: ExtractionRules
    /// The normalized text, for matching; the original, for titles.
    let scalars: [Unicode.Scalar]
    let original: [Unicode.Scalar]

    func find(in range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard scalars[i] == "《", let close = scalars[(i + 1)..<range.upperBound].firstIndex(of: "》") else { i += 1; continue }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: original[(i + 1)..<close])
            let title = String(v)
            var n = String.UnicodeScalarView()
            n.append(contentsOf: scalars[(i + 1)..<close])
            let matchable = String(n)
            // A draft is still the regulation: 《…条例(草案)》 ends with its head noun before the bracket.
            var core = Substring(matchable)
            if let last = core.last, last == ")" || last == "）", let open = core.lastIndex(where: { $0 == "(" || $0 == "（" }) {
                core = core[..<open]
            }
            if !core.isEmpty, rules.regulationHeads.contains(where: { core.hasSuffix($0) }) {
                out.append(Mention(kind: "Regulation", range: i..<(close + 1), surface: "《\(title)》",
                                   canonical: "《\(title)》", aliases: [title], rule: "regulation.titled"))
            }
            i = close + 1
        }
        return out
    }
}
