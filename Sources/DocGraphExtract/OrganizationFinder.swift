/// Finds organization names: a place (or a level word standing for the
/// document's own place) joined to a body ending, as the lexicons describe.
struct OrganizationFinder {
    var rules: ExtractionRules { index.rules }
    let index: LexiconIndex
    /// The normalized text, for matching (see ``TextNormalizer``).
    let scalars: [Unicode.Scalar]
    /// The text as written, for surface forms.
    let original: [Unicode.Scalar]
    /// The towns and villages the text names (see ``LocalPlaces``).
    private(set) var local = LocalPlaces()

    init(index: LexiconIndex, scalars: [Unicode.Scalar], original: [Unicode.Scalar]) {
        self.index = index
        self.scalars = scalars
        self.original = original
        local = LocalPlaces(self)
    }

    func text(_ r: Range<Int>) -> String {
        String(scalars: original[r])
    }

    /// The post title starting at `i` (the same lookup as ``PersonFinder/title(at:)``).
    func postTitle(at i: Int) -> ExtractionRules.PostTitle? {
        guard i >= 0, i < scalars.count, index.titleStarts.contains(scalars[i]) else { return nil }
        return index.titles.first(at: i, in: scalars).map { index.titles.entries[$0] }
    }

    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        i + word.count <= scalars.count && scalars[i..<(i + word.count)].elementsEqual(word)
    }

    /// The longest place form ending at `end`, as (start, full name).
    func place(endingAt end: Int) -> (Int, String)? {
        guard end > 0, index.placeEnds.contains(scalars[end - 1]),
              let found = index.placeTrie.longest(endingAt: end, in: scalars, minimumLength: 2) else { return nil }
        // 召开州委: a verb before a name that ends with the name's first character (开州) reads it, not the place.
        if let verb = index.clauseVerbs.longest(endingAt: found.start + 1, in: scalars, minimumLength: 2), verb.start < found.start {
            return nil
        }
        return (found.start, found.value)
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
        var out = stationedBodies(localOffices(bodies(in: range, context: context)), in: range, context: context)
        for k in out.indices {
            let limit = k + 1 < out.count ? out[k + 1].range.lowerBound : range.upperBound
            if let sub = subBody(of: out[k], limit: limit) { out[k] = sub }
        }
        return listedCommittees(out, in: range)
    }

    /// A national administration's local office named with it (国家税务总局 + 诸城市税务局): one body, the
    /// local one, with the national name as its alias, part of the national body. The two end in the
    /// same character (局 and 局, 行 and 行), which tells a local office from two bodies side by side.
    func localOffices(_ mentions: [Mention]) -> [Mention] {
        var out: [Mention] = []
        for m in mentions {
            if let national = out.last, national.rule == .organizationNational, national.range.upperBound == m.range.lowerBound,
               m.rule == .organizationPlaceEnding, let a = national.canonical.unicodeScalars.last, a == m.canonical.unicodeScalars.last {
                var office = m
                office.range = national.range.lowerBound..<m.range.upperBound
                office.surface = text(office.range)
                office.aliases = [m.surface] + m.aliases
                office.rule = .organizationLocalOffice
                office.parent = [national]
                out[out.count - 1] = office
                continue
            }
            out.append(m)
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
            guard end - k >= 2, place(endingAt: k) != nil || levelWord(endingAt: k, lowerBound: lowerBound) != nil else { continue }
            // 市和区党委: a conjunction starts no department; 市长孙立峰听取委员: nor does one start inside a post (市长);
            // 区应急管理和消防救援大队: a listed department and a conjunction begin a list of two bodies.
            if Self.conjunctions.contains(scalars[k]) { return nil }
            if let c = (k..<end).first(where: { Self.conjunctions.contains(scalars[$0]) }),
               index.departments.longest(endingAt: c, in: scalars, lowerBound: k).map({ $0.start == k }) == true { return nil }
            if let title = postTitle(at: k - 1), title.title.unicodeScalars.count >= 2 { return nil }
            return k..<end
        }
        return nil
    }

    static let conjunctions = Set("和及与或并暨".unicodeScalars)

    /// The value in `lexicons/party-prefixes.txt` of a party whose name stays before the place's (九三学社).
    static let partyBeforePlace = "="

    static let longestDepartment = 10

    /// Bodies named by a place (or level word) and an ending, and national bodies.
    func bodies(in range: Range<Int>, context: DocumentContext?) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let first = scalars[i]
            guard index.organizationStarts.contains(first) else { i += 1; continue }
            let lowerBound = out.last?.range.upperBound ?? range.lowerBound
            if i + 1 < scalars.count, index.nationalStarts.contains(first), index.nationalSeconds.contains(scalars[i + 1]),
               let (named, end) = namedBody(at: i, lowerBound: lowerBound, upperBound: range.upperBound, context: context) {
                out.append(named)
                i = end
                continue
            }
            var found: Mention?
            if index.endingStarts.contains(first) {
                let endings = index.endings
                for k in endings.words(startingWith: first) where endings.matches(k, at: i, in: scalars) {
                    let end = i + endings.length(k)
                    guard end <= range.upperBound else { continue }
                    let e = endings.entries[k]
                    if let m = mention(ending: e.rule, opensWithCommittee: e.opensWithCommittee, at: i, end: end, lowerBound: lowerBound,
                                       context: context, previous: out.last) {
                        found = m
                        break
                    }
                }
            }
            if found == nil, let body = institutionBody(at: i, lowerBound: lowerBound, upperBound: range.upperBound, context: context) { found = body }
            guard let m = found else { i += 1; continue }
            // A mention may start before an earlier, shorter one (市公安局 after 市): keep the longer.
            while let last = out.last, last.range.overlaps(m.range) { out.removeLast() }
            out += listedPlaces(before: m, lowerBound: out.last?.range.upperBound ?? range.lowerBound)
            out.append(m)
            i = m.range.upperBound
        }
        return out
    }

    /// A national body (国务院, 生态环境部) or a body of the document's region (Hong Kong's 保安局) named at
    /// `i`, and where its name ends. Not where the text goes on to complete a word (教育部门); with
    /// 中华人民共和国 before it, the mention takes that in. Where a post title shares the name's last
    /// character (教育部长), the mention stops before it, so that the title follows it.
    func namedBody(at i: Int, lowerBound: Int, upperBound: Int, context: DocumentContext?) -> (Mention, Int)? {
        for body in index.namedBodies(at: i, in: scalars) where i + body.word.count <= upperBound && matches(body.word, at: i) {
            let end = i + body.word.count
            if end < scalars.count, index.bodyContinuations.contains(LexiconIndex.pair(scalars[end - 1], scalars[end])) { continue }
            if let region = body.region, !inRegion(region, before: i, lowerBound: lowerBound, context: context) { continue }
            var start = i
            if i - Self.stateName.count >= lowerBound, matches(Self.stateName, at: i - Self.stateName.count) { start = i - Self.stateName.count }
            var stop = end
            if end < scalars.count, let shared = postTitle(at: end - 1), shared.title.unicodeScalars.count >= 2, postTitle(at: end) == nil {
                stop = end - 1
            }
            let surface = text(start..<end)
            var aliases = surface == body.canonical ? [] : [surface]
            if body.form != body.canonical && body.form != surface { aliases.append(body.form) }
            let m = Mention(kind: .organization, range: start..<stop, surface: surface, canonical: body.canonical, aliases: aliases,
                            rule: body.region == nil ? .organizationNational : .organizationRegional)
            return (m, end)
        }
        return nil
    }

    /// The state's name, written before a national body's (中华人民共和国外交部).
    static let stateName = Array("中华人民共和国".unicodeScalars)

    /// Whether a body of `region` may be named at `i`: the document's place is in the region, or the
    /// region is named right before (香港保安局).
    func inRegion(_ region: String, before i: Int, lowerBound: Int, context: DocumentContext?) -> Bool {
        if context?.chain.contains(region) == true { return true }
        guard let (s, name) = place(endingAt: i), s >= lowerBound else { return false }
        return name == region || rules.places[name]?.parent == region
    }

    /// `opensWithCommittee`: whether the ending starts with 委 (``LexiconIndex/Ending``).
    func mention(ending e: ExtractionRules.OrganizationEnding, opensWithCommittee: Bool, at i: Int, end: Int, lowerBound: Int,
                 context: DocumentContext?, previous: Mention? = nil) -> Mention? {
        var p = i
        var department = ""
        if e.form == .department {
            // 卫健委员: the ending begins a longer word.
            if end < scalars.count, index.bodyContinuations.contains(LexiconIndex.pair(scalars[end - 1], scalars[end])) { return nil }
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
        // An ordinal between place and ending: 杭州市第十四届人民代表大会, 市五届人大常委会, 第十二次代表大会.
        if p > lowerBound, scalars[p - 1] == "届" || scalars[p - 1] == "次" {
            var q = p - 1
            while q > lowerBound, q > p - 6, "一二三四五六七八九十百".unicodeScalars.contains(scalars[q - 1]) { q -= 1 }
            if q > lowerBound, scalars[q - 1] == "第" { q -= 1 }
            if q < p - 1 { p = q }
        }
        var placeName: String?
        /// The level of a town or village (which the gazetteer does not know), for its endings.
        var localLevel: String?
        var start = p
        var unresolvedLevel = false
        // 县委和县司法局: a place whose first character is a conjunction right after a body (和县) is the
        // conjunction and a level word.
        // (a local function, not a closure kept in a constant: the closure copied the whole finder)
        func joined(_ s: Int) -> Bool { s == lowerBound && s > 0 && previous?.range.upperBound == s && Self.conjunctions.contains(scalars[s]) }
        if let (s, name) = place(endingAt: p), s >= lowerBound, !joined(s) {
            placeName = name
            start = s
        } else if let (s, found) = local.place(endingAt: p, lowerBound: lowerBound) {
            placeName = found.name
            localLevel = found.level
            start = writtenParents(of: found, start: s, lowerBound: lowerBound)
        } else if let (word, level) = levelWord(endingAt: p, lowerBound: lowerBound)
                    ?? index.levelWords.first(where: { p - $0.word.count - 1 >= 0 && joined(p - $0.word.count - 1)
                                                       && LexiconIndex.word($0.word, endsAt: p, in: scalars) }).map({ ($0.word, $0.level) }) {
            start = p - word.count
            if let resolved = context?.place(forLevelWord: String(scalars: word), level: level, rules: rules) {
                placeName = resolved
                localLevel = local.places[resolved]?.level
                // The place written out before its level word: 叶县县委, 重庆市长寿区委.
                if let (s, name) = place(endingAt: start), s >= lowerBound, name == resolved || rules.places[resolved]?.parent == name {
                    start = s
                }
            } else if LocalPlaces.levels.contains(level) {
                // 镇党委 in a document of no one town names no body that can be told.
                return nil
            } else {
                unresolvedLevel = true
            }
        }
        // A place written with the one above it (宣城市宣州区人民法院): the name keeps the inner place, the surface both.
        if let inner = placeName, let (s, name) = place(endingAt: start), s >= lowerBound,
           rules.places[inner]?.parent == name || rules.homonyms[inner]?.contains(where: { $0.parent == name }) == true {
            start = s
        }
        // A town has no court and no CPPCC: only the bodies listed for its level.
        if let level = localLevel, rules.localBodies[level]?.contains(e.canonical) != true { return nil }
        // Endings that begin with 委 (市委, 市委常委会) need a level word right before them.
        if opensWithCommittee {
            guard placeName != nil || unresolvedLevel, levelWord(endingAt: p, lowerBound: lowerBound) != nil || localLevel != nil
            else { return nil }
        }
        // An ordinal before the place: 中国共产党第二十次全国代表大会.
        if e.form == .surface, start > lowerBound, scalars[start - 1] == "次" || scalars[start - 1] == "届" {
            var q = start - 1
            while q > lowerBound, q > start - 6, "一二三四五六七八九十百".unicodeScalars.contains(scalars[q - 1]) { q -= 1 }
            if q > lowerBound, scalars[q - 1] == "第" { q -= 1 }
            if q < start - 1 { start = q }
        }
        var prefixBody: String?
        /// A democratic party's committee (九三学社齐齐哈尔市委员会) keeps the party's name before the place's.
        var partyName: String?
        if placeName != nil || unresolvedLevel, let prefix = index.partyPrefixes.longest(endingAt: start, in: scalars, lowerBound: lowerBound),
           prefix.value != Self.partyBeforePlace || e.canonical == "委" {
            if prefix.value == Self.partyBeforePlace {
                partyName = String(scalars: scalars[prefix.start..<start])
            } else {
                prefixBody = prefix.value
            }
            start = prefix.start
            // 望江团县委: the place written before the prefix is the one its level word stands for.
            if let (s, name) = place(endingAt: start), s >= lowerBound, name == placeName { start = s }
        }
        let surface = text(start..<end)
        var canonicalEnding = e.canonical
        if let body = prefixBody {
            // 中共…委员会 → …委; 政协…委员会 → …政协; 政协…常务委员会 → …政协常委会.
            let after = e.canonicalAfterParty
            canonicalEnding = after.hasPrefix("委") ? body + after.dropFirst() : body == "委" ? after : body + after
        }
        if e.form == .department && placeName == nil && !unresolvedLevel {
            return bareDepartment(department, ending: canonicalEnding, range: start..<end, listed: index.departments.longest(endingAt: i, in: scalars, lowerBound: lowerBound)?.start == start,
                                  context: context)
        }
        // 人大及其常委会: "its standing committee" belongs to the congress named just before.
        if placeName == nil, i >= 2, scalars[i - 1] == "其", scalars[i - 2] == "及", e.canonical.hasSuffix("常委会"),
           let congress = previous, congress.canonical.hasSuffix("人民代表大会") {
            return Mention(kind: .organization, range: i..<end, surface: text(i..<end),
                           canonical: String(congress.canonical.dropLast("人民代表大会".count)) + "人大常委会",
                           aliases: [text(i..<end)], rule: .organizationItsStandingCommittee)
        }
        if unresolvedLevel, partyName == nil {
            // A level word whose place the document never names (区政协 in a report that only says 我区):
            // the body keeps the name as written.
            return Mention(kind: .organization, range: start..<end, surface: surface, canonical: surface,
                           rule: .organizationUnresolvedLevel)
        }
        guard let placeName else {
            // A bare ending: the author's own body of that kind, or that body of the document's city.
            if e.bareUse == .author {
                guard let author = context?.author, author.canonical.hasSuffix(canonicalEnding) || author.canonical.hasSuffix(e.ending)
                else { return nil }
                return Mention(kind: .organization, range: i..<end, surface: surface, canonical: author.canonical,
                               rule: .organizationBareAuthor)
            }
            guard e.bareUse == .place else { return nil }
            // 镇党委政府, 市委市政府, 乡党委、政府: right after a body of a place (or listed right after it),
            // the ending is that place's body.
            if let previous, previous.range.upperBound == i || (previous.range.upperBound == i - 1 && scalars[i - 1] == "、"),
               let (owner, level) = placeOfBody(previous),
               level.map({ rules.localBodies[$0]?.contains(canonicalEnding) == true }) ?? true {
                let canonical = owner + rules.ending(canonicalEnding, of: owner, level: level)
                return Mention(kind: .organization, range: i..<end, surface: surface, canonical: canonical, aliases: [surface],
                               rule: .organizationBareAfterBody)
            }
            // (the document's own place of the gazetteer: a town has no court of its own)
            guard let city = context?.chain.first(where: { rules.places[$0] != nil }) else { return nil }
            // 服务型政府, 地方政府: a word before the ending makes it a kind of body, not the place's own.
            if index.levelWordBlockers.longest(endingAt: end, in: scalars, minimumLength: end - i + 1) != nil { return nil }
            return Mention(kind: .organization, range: i..<end, surface: surface, canonical: city + rules.ending(canonicalEnding, of: city),
                           aliases: [surface], rule: .organizationBarePlace)
        }
        var canonical = e.form == .surface ? surface : placeName + department
            + (department.isEmpty ? rules.ending(canonicalEnding, of: placeName, level: localLevel) : canonicalEnding)
        if let partyName { canonical = partyName + placeName + "委员会" }
        // A national congress named as written needs the party's name (第二十次全国代表大会 alone is read elsewhere).
        if e.form == .surface, rules.levels[placeName] == "nation", prefixBody == nil { return nil }
        return Mention(kind: .organization, range: start..<end, surface: surface, canonical: canonical,
                       aliases: surface == canonical ? [] : [surface], rule: .organizationPlaceEnding)
    }
}
