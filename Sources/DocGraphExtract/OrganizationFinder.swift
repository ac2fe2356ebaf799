/// Finds organization names: a place (or a level word standing for the
/// document's own place) joined to a body ending, as the lexicons describe.
struct OrganizationFinder {
    let rules: ExtractionRules
    let index: LexiconIndex
    /// The normalized text, for matching (see ``TextNormalizer``).
    let scalars: [Unicode.Scalar]
    /// The text as written, for surface forms.
    let original: [Unicode.Scalar]

    func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: original[r])
        return String(v)
    }

    func matches(_ word: String, at i: Int) -> Bool {
        var k = i
        for u in word.unicodeScalars {
            guard k < scalars.count, scalars[k] == u else { return false }
            k += 1
        }
        return true
    }

    func endsWith(_ word: String, at end: Int) -> Bool {
        let n = word.unicodeScalars.count
        return end - n >= 0 && matches(word, at: end - n)
    }

    /// The longest place form ending at `end`, as (start, full name).
    func place(endingAt end: Int) -> (Int, String)? {
        guard end > 0, index.placeEnds.contains(scalars[end - 1]) else { return nil }
        var length = min(index.maximumPlaceLength, end)
        while length >= 2 {
            if let name = index.placeForms[Array(scalars[(end - length)..<end])] { return (end - length, name) }
            length -= 1
        }
        return nil
    }

    /// Organization mentions in `range`, left to right, not overlapping.
    func find(in range: Range<Int>, context: DocumentContext?) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let first = scalars[i]
            guard index.organizationStarts.contains(first) else { i += 1; continue }
            if let national = index.nationalByFirst[first]?.first(where: { matches($0.form, at: i) }),
               i + national.form.unicodeScalars.count <= range.upperBound {
                let end = i + national.form.unicodeScalars.count
                out.append(Mention(kind: "Organization", range: i..<end, surface: national.form, canonical: national.canonical,
                                   aliases: national.form == national.canonical ? [] : [national.form], rule: "organization.national"))
                i = end
                continue
            }
            let lowerBound = out.last?.range.upperBound ?? range.lowerBound
            var found: Mention?
            for e in index.endingsByFirst[first] ?? [] where matches(e.ending, at: i) {
                let end = i + e.ending.unicodeScalars.count
                guard end <= range.upperBound else { continue }
                if let m = mention(ending: e, at: i, end: end, lowerBound: lowerBound, context: context, previous: out.last) {
                    found = m
                    break
                }
            }
            guard let m = found else { i += 1; continue }
            // A mention may start before an earlier, shorter one (市公安局 after 市): keep the longer.
            while let last = out.last, last.range.overlaps(m.range) { out.removeLast() }
            out.append(m)
            i = m.range.upperBound
        }
        return out
    }

    func mention(ending e: ExtractionRules.OrganizationEnding, at i: Int, end: Int, lowerBound: Int,
                 context: DocumentContext?, previous: Mention? = nil) -> Mention? {
        var p = i
        var department = ""
        if e.form == .department {
            // A department's name stands between the place and the ending: 市 + 公安 + 局.
            guard let d = rules.departments.first(where: { endsWith($0, at: i) && i - $0.unicodeScalars.count >= lowerBound }) else { return nil }
            department = d
            p = i - d.unicodeScalars.count
        }
        // An ordinal between place and ending: 杭州市第十四届人民代表大会, 市五届人大常委会.
        if p > lowerBound, scalars[p - 1] == "届" {
            var q = p - 1
            while q > lowerBound, q > p - 6, "一二三四五六七八九十百".unicodeScalars.contains(scalars[q - 1]) { q -= 1 }
            if q > lowerBound, scalars[q - 1] == "第" { q -= 1 }
            if q < p - 1 { p = q }
        }
        var placeName: String?
        var start = p
        if let (s, name) = place(endingAt: p), s >= lowerBound {
            placeName = name
            start = s
        } else if let (word, level) = rules.levels.first(where: { endsWith($0.key, at: p) && p - $0.key.unicodeScalars.count >= lowerBound }),
                  let resolved = context?.places[level] {
            placeName = resolved
            start = p - word.unicodeScalars.count
        }
        // Endings that begin with 委 (市委, 市委常委会) need a level word right before them.
        if e.ending.hasPrefix("委") {
            guard placeName != nil, rules.levels.keys.contains(where: { endsWith($0, at: p) }) else { return nil }
        }
        var party = false
        if placeName != nil, let prefix = rules.partyPrefixes.first(where: { endsWith($0, at: start) && start - $0.unicodeScalars.count >= lowerBound }) {
            party = true
            start -= prefix.unicodeScalars.count
        }
        let surface = text(start..<end)
        let canonicalEnding = party ? e.canonicalAfterParty : e.canonical
        if e.form == .department && placeName == nil { return nil }
        // 人大及其常委会: "its standing committee" belongs to the congress named just before.
        if placeName == nil, e.canonical.hasSuffix("常委会"), i >= 2, scalars[i - 1] == "其", scalars[i - 2] == "及",
           let congress = previous, congress.canonical.hasSuffix("人民代表大会") {
            return Mention(kind: "Organization", range: i..<end, surface: text(i..<end),
                           canonical: String(congress.canonical.dropLast("人民代表大会".count)) + "人大常委会",
                           aliases: [text(i..<end)], rule: "organization.its-standing-committee")
        }
        guard let placeName else {
            // A bare ending: the author's own body of that kind, or that body of the document's city.
            if e.bareUse == .author {
                guard let author = context?.author, author.canonical.hasSuffix(canonicalEnding) else { return nil }
                return Mention(kind: "Organization", range: i..<end, surface: surface, canonical: author.canonical,
                               rule: "organization.bare-author")
            }
            guard e.bareUse == .place, let city = context?.places["city"] else { return nil }
            return Mention(kind: "Organization", range: i..<end, surface: surface, canonical: city + canonicalEnding,
                           aliases: [surface], rule: "organization.bare-place")
        }
        let canonical = e.form == .surface ? surface : placeName + department + canonicalEnding
        return Mention(kind: "Organization", range: start..<end, surface: surface, canonical: canonical,
                       aliases: surface == canonical ? [] : [surface], rule: "organization.place-ending")
    }
}
