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
        String(scalars: original[r])
    }

    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        i + word.count <= scalars.count && scalars[i..<(i + word.count)].elementsEqual(word)
    }

    /// The longest place form ending at `end`, as (start, full name).
    func place(endingAt end: Int) -> (Int, String)? {
        guard end > 0, index.placeEnds.contains(scalars[end - 1]) else { return nil }
        return index.placeTrie.longest(endingAt: end, in: scalars, minimumLength: 2).map { ($0.start, $0.value) }
    }

    /// The level word (市, 县, 区 …) ending at `end`, unless it ends a longer word of the
    /// blocking list (社区, 城市): its scalars and level.
    func levelWord(endingAt end: Int, lowerBound: Int) -> (word: [Unicode.Scalar], level: String)? {
        guard let found = index.levelWords.first(where: { LexiconIndex.word($0.word, endsAt: end, in: scalars, lowerBound: lowerBound) })
        else { return nil }
        if index.levelWordBlockers.longest(endingAt: end, in: scalars, minimumLength: found.word.count + 1) != nil { return nil }
        return found
    }

    /// Organization mentions in `range`, left to right, not overlapping; a body's committee or office
    /// named right after it (省人大常委会财政经济工作委员会) is one mention, with the body as its parent.
    func find(in range: Range<Int>, context: DocumentContext?) -> [Mention] {
        var out = bodies(in: range, context: context)
        for k in out.indices {
            let limit = k + 1 < out.count ? out[k + 1].range.lowerBound : range.upperBound
            if let sub = subBody(of: out[k], limit: limit) { out[k] = sub }
        }
        return out
    }

    /// Characters that never stand inside a department's name (公用事业, 城市管理和综合执法 have none).
    static let departmentStops = Set("的了在是对把被将向从于为其及等、，,。；;：:“”《》()（） 各全本该任由经".unicodeScalars)

    /// A department the lexicon does not list, between a place or level word and a department ending
    /// (市 + 公用事业 + 局): the nearest stretch of two to ten Han characters, with no particle or
    /// punctuation, that a place or level word stands right before.
    func unlistedDepartment(endingAt end: Int, lowerBound: Int) -> Range<Int>? {
        var k = end
        while k > lowerBound, end - k < Self.longestDepartment, PersonFinder.isHan(scalars[k - 1]), !Self.departmentStops.contains(scalars[k - 1]) {
            k -= 1
            if end - k >= 2, place(endingAt: k) != nil || levelWord(endingAt: k, lowerBound: lowerBound) != nil { return k..<end }
        }
        return nil
    }

    static let longestDepartment = 10

    /// Bodies named by a place (or level word) and an ending, and national bodies.
    func bodies(in range: Range<Int>, context: DocumentContext?) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let first = scalars[i]
            guard index.organizationStarts.contains(first) else { i += 1; continue }
            if let national = index.nationalByFirst[first]?.first(where: { matches($0.word, at: i) }),
               i + national.word.count <= range.upperBound {
                let end = i + national.word.count
                out.append(Mention(kind: "Organization", range: i..<end, surface: national.form, canonical: national.canonical,
                                   aliases: national.form == national.canonical ? [] : [national.form], rule: "organization.national"))
                i = end
                continue
            }
            let lowerBound = out.last?.range.upperBound ?? range.lowerBound
            var found: Mention?
            for (word, e) in index.endingsByFirst[first] ?? [] where matches(word, at: i) {
                let end = i + word.count
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
            if let d = index.departments.longest(endingAt: i, in: scalars, lowerBound: lowerBound) {
                department = d.value
                p = d.start
            } else if index.notDepartments.longest(endingAt: end, in: scalars, minimumLength: end - i + 1) == nil,
                      let d = unlistedDepartment(endingAt: i, lowerBound: lowerBound) {
                department = text(d)
                p = d.lowerBound
            } else {
                return nil
            }
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
        var unresolvedLevel = false
        if let (s, name) = place(endingAt: p), s >= lowerBound {
            placeName = name
            start = s
        } else if let (word, level) = levelWord(endingAt: p, lowerBound: lowerBound) {
            start = p - word.count
            if let resolved = context?.place(forLevelWord: String(scalars: word), level: level, rules: rules) {
                placeName = resolved
                // The place written out before its level word: 叶县县委, 重庆市长寿区委.
                if let (s, name) = place(endingAt: start), s >= lowerBound, name == resolved || rules.places[resolved]?.parent == name {
                    start = s
                }
            } else {
                unresolvedLevel = true
            }
        }
        // A place written with the one above it (宣城市宣州区人民法院): the name keeps the inner place, the surface both.
        if let inner = placeName, let (s, name) = place(endingAt: start), s >= lowerBound,
           rules.places[inner]?.parent == name || rules.homonyms[inner]?.contains(where: { $0.parent == name }) == true {
            start = s
        }
        // Endings that begin with 委 (市委, 市委常委会) need a level word right before them.
        if e.ending.hasPrefix("委") {
            guard placeName != nil || unresolvedLevel, levelWord(endingAt: p, lowerBound: lowerBound) != nil else { return nil }
        }
        var prefixBody: String?
        if placeName != nil || unresolvedLevel, let prefix = index.partyPrefixes.longest(endingAt: start, in: scalars, lowerBound: lowerBound) {
            prefixBody = prefix.value
            start = prefix.start
        }
        let surface = text(start..<end)
        var canonicalEnding = e.canonical
        if let body = prefixBody {
            // 中共…委员会 → …委; 政协…委员会 → …政协; 政协…常务委员会 → …政协常委会.
            let after = e.canonicalAfterParty
            canonicalEnding = after.hasPrefix("委") ? body + after.dropFirst() : body == "委" ? after : body + after
        }
        if e.form == .department && placeName == nil && !unresolvedLevel { return nil }
        // 人大及其常委会: "its standing committee" belongs to the congress named just before.
        if placeName == nil, e.canonical.hasSuffix("常委会"), i >= 2, scalars[i - 1] == "其", scalars[i - 2] == "及",
           let congress = previous, congress.canonical.hasSuffix("人民代表大会") {
            return Mention(kind: "Organization", range: i..<end, surface: text(i..<end),
                           canonical: String(congress.canonical.dropLast("人民代表大会".count)) + "人大常委会",
                           aliases: [text(i..<end)], rule: "organization.its-standing-committee")
        }
        if unresolvedLevel {
            // A level word whose place the document never names (区政协 in a report that only says 我区):
            // the body keeps the name as written.
            return Mention(kind: "Organization", range: start..<end, surface: surface, canonical: surface,
                           rule: "organization.unresolved-level")
        }
        guard let placeName else {
            // A bare ending: the author's own body of that kind, or that body of the document's city.
            if e.bareUse == .author {
                guard let author = context?.author, author.canonical.hasSuffix(canonicalEnding) else { return nil }
                return Mention(kind: "Organization", range: i..<end, surface: surface, canonical: author.canonical,
                               rule: "organization.bare-author")
            }
            guard e.bareUse == .place, let city = context?.ownPlace else { return nil }
            // 服务型政府, 地方政府: a word before the ending makes it a kind of body, not the place's own.
            if index.levelWordBlockers.longest(endingAt: end, in: scalars, minimumLength: end - i + 1) != nil { return nil }
            return Mention(kind: "Organization", range: i..<end, surface: surface, canonical: city + rules.ending(canonicalEnding, of: city),
                           aliases: [surface], rule: "organization.bare-place")
        }
        let canonical = e.form == .surface ? surface : placeName + department + (department.isEmpty ? rules.ending(canonicalEnding, of: placeName) : canonicalEnding)
        return Mention(kind: "Organization", range: start..<end, surface: surface, canonical: canonical,
                       aliases: surface == canonical ? [] : [surface], rule: "organization.place-ending")
    }
}
