extension Extractor {
    /// The author (the first organization the title names, else one named near the top) and its
    /// places. When the author names no place, the document's place is the one it names most often
    /// at the level its bodies are named by (区政府, 区政协 → the district named most often; a place its
    /// metadata names, 来源:拱墅区人大常委会, first), or the place given with `--place`.
    func documentContext(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, metadata: String? = nil) -> DocumentContext {
        var context = placesAndAuthor(s, orgs, metadata: metadata)
        context.nationalBodies = nationalBodies(s)
        if let byline = bylineAuthor(s, orgs, context) { context.author = byline }
        return context
    }

    /// The body a byline near the top names as the author (作者:望江团县委), if one does.
    func bylineAuthor(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, _ context: DocumentContext) -> Mention? {
        let top = 0..<min(s.count, Self.bylineReach)
        for word in rules.bylineWords {
            let w = Array(word.unicodeScalars)
            // A plain scan: the generic firstRange(of:) cost more than the rest of the context together.
            guard let first = w.first, let start = top.first(where: { i in
                s[i] == first && i + w.count <= top.upperBound && s[i..<(i + w.count)].elementsEqual(w)
            }) else { continue }
            let found = start..<(start + w.count)
            var k = found.upperBound
            while k < top.upperBound, ":： ".unicodeScalars.contains(s[k]) { k += 1 }
            guard k > found.upperBound else { continue }
            var end = k
            while end < s.count, end - k < 30, !"\n \u{3000}".unicodeScalars.contains(s[end]) { end += 1 }
            if let m = orgs.find(in: k..<end, context: context).first { return m }
        }
        return nil
    }

    /// How far from the top a byline is looked for.
    static let bylineReach = 300

    /// The national bodies `s` names anywhere, by canonical name.
    func nationalBodies(_ s: [Unicode.Scalar]) -> Set<String> {
        var out: Set<String> = []
        for i in s.indices where index.nationalStarts.contains(s[i]) {
            for body in index.namedBodies(at: i, in: s) where body.region == nil && LexiconIndex.word(body.word, endsAt: i + body.word.count, in: s) {
                out.insert(body.canonical)
                break
            }
        }
        return out
    }

    func placesAndAuthor(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, metadata: String? = nil) -> DocumentContext {
        let titleEnd = s.firstIndex(where: { $0 == "\n" }) ?? s.count
        /// The first body that can be the author: not a level word alone (区政府), not the venue of a speech (在…会议上).
        /// A headline's bare 法院 before a post (法院院长) names a post, not the author; a committee named
        /// first (大会主席团) stands for its body. Below the title, a national body (中央政治局会议精神) is what
        /// the text reports on, not who reports.
        /// A body followed by 代表 names its deputies (河南省人民代表大会代表), and one in a news credit
        /// ((某省人大网讯), 本报讯) the outlet: neither is who acts in the text.
        func namesDeputiesOrCredit(_ r: Range<Int>) -> Bool {
            if r.upperBound + 1 < s.count, s[r.upperBound] == "代", s[r.upperBound + 1] == "表" { return true }
            return s[r.upperBound..<min(s.count, r.upperBound + 3)].contains("讯")
        }
        func authorCandidate(_ range: Range<Int>, _ context: DocumentContext) -> Mention? {
            orgs.find(in: range, context: context).first { m in
                m.rule != .organizationUnresolvedLevel
                    && (range.upperBound <= titleEnd || (m.rule != .organizationNational && m.rule != .organizationRegional))
                    && !(m.rule == .organizationBarePlace && m.range.upperBound < s.count
                         && orgs.postTitle(at: m.range.upperBound) != nil)
                    && !(m.range.lowerBound > 0 && s[m.range.lowerBound - 1] == "在")
                    && !namesDeputiesOrCredit(m.range)
            }.map { $0.rule == .organizationSubBody ? $0.parent.first ?? $0 : $0 }
        }
        // How often each place is named: counted only when a place must be chosen or told apart from its homonyms.
        var counted: [String: Int]?
        func counts() -> [String: Int] {
            if let counted { return counted }
            counted = placeCounts(s, orgs)
            return counted ?? [:]
        }
        func placeChain(_ name: String) -> [String] {
            self.placeChain(name, rules.homonyms[name] == nil ? [:] : counts())
        }
        let given = defaultPlace.map { placeChain($0) } ?? []
        let bare = DocumentContext(author: nil, chain: given)
        if let author = authorCandidate(0..<titleEnd, bare), let place = longestPlace(opening: author.canonical) {
            return DocumentContext(author: author, chain: placeChain(place))
        }
        let chain = given.isEmpty
            ? mostMentionedPlace(s, orgs, counts(), hint: metadata.flatMap(place(inMetadata:))).map { placeChain($0) } ?? [] : given
        let inferred = DocumentContext(author: nil, chain: chain)
        // A body named only by its level word (县人大常委会 in a report that never names its county) is
        // still the author when nothing else is.
        func author(_ context: DocumentContext) -> Mention? {
            authorCandidate(0..<titleEnd, context) ?? authorCandidate(0..<min(s.count, 400), context)
                ?? orgs.find(in: 0..<min(s.count, 400), context: context).first { $0.rule == .organizationUnresolvedLevel }
        }
        let found = author(inferred)
        // A document about a town (镇党委, 全镇 with the town named at the top) has the town as its innermost place.
        if let town = documentTown(s, orgs, author: found, top: 0..<max(titleEnd, min(s.count, 200))) {
            var townChain = [town.name]
            if let parent = town.parent, rules.places[parent] != nil {
                townChain += placeChain(parent)
            } else if let parent = town.parent, let grand = orgs.local.places[parent] {
                townChain += [grand.name] + (grand.parent.map { rules.places[$0] != nil ? placeChain($0) : [] } ?? chain)
            } else {
                townChain += chain
            }
            let local = DocumentContext(author: nil, chain: townChain)
            return DocumentContext(author: author(local) ?? found, chain: townChain)
        }
        return DocumentContext(author: found, chain: chain)
    }

    /// The town a document is about: the town its author is a body of, else the first town named at its
    /// top, when the text also speaks of "the town" by its level word alone (镇党委, 全镇, 该镇).
    func documentTown(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, author: Mention?, top: Range<Int>) -> LocalPlaces.Place? {
        let towns = orgs.local.places.values.filter { $0.level == "town" }
        guard !towns.isEmpty else { return nil }
        if let author, let town = towns.filter({ author.canonical.hasPrefix($0.name) }).max(by: { $0.name.count < $1.name.count }) {
            return town
        }
        guard let first = orgs.local.firstOccurrence(in: top, level: "town") else { return nil }
        // The level word alone: the town's settlement word where no town's name ends.
        for end in 1...s.count where orgs.local.place(endingAt: end, lowerBound: 0) == nil {
            if let level = orgs.levelWord(endingAt: end, lowerBound: 0), first.name.hasSuffix(String(scalars: level.word)),
               LocalPlaces.levels.contains(level.level) {
                return first
            }
        }
        return nil
    }

    /// The full name of a place given by its full or short name (苏州 → 苏州市), if the gazetteer has it.
    public func place(named name: String) -> String? {
        index.placeForms[ArraySlice(name.unicodeScalars)]
    }

    /// The longest full place name `name` begins with (杭州市 in 杭州市人大常委会).
    func longestPlace(opening name: String) -> String? {
        let a = Array(name.unicodeScalars)
        for length in stride(from: min(a.count, index.maximumPlaceLength), to: 0, by: -1) {
            // Full names are keyed by themselves; a short form maps to a longer name.
            if let place = index.placeForms[a[0..<length]], place.unicodeScalars.count == length { return place }
        }
        return nil
    }

    /// How often the text names each place (full or short form).
    func placeCounts(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder) -> [String: Int] {
        var counts: [String: Int] = [:]
        var i = 2
        while i <= s.count {
            if let (_, name) = orgs.place(endingAt: i) { counts[name, default: 0] += 1 }
            i += 1
        }
        return counts
    }

    /// `name` and the places above it, innermost first. A name several places share (鼓楼区) is
    /// the one whose parent the text names most often.
    func placeChain(_ name: String, _ counts: [String: Int]) -> [String] {
        var chain = [name]
        var parent = rules.places[name]?.parent
        if let homonyms = rules.homonyms[name] {
            parent = homonyms.max { (counts[$0.parent ?? ""] ?? 0) < (counts[$1.parent ?? ""] ?? 0) }?.parent
        }
        while let p = parent, !chain.contains(p) {
            chain.append(p)
            parent = rules.places[p]?.parent
        }
        return chain
    }

    /// The place named most often among those whose name ends in the level word the text's bodies
    /// are most often named by (区 in 区政府, 区政协); else the city named most often, else any place.
    /// The place named in a document's metadata (来源:北塔区人大常委会): the longest place form in it.
    func place(inMetadata text: String) -> String? {
        let u = normalizer.normalize(Array(text.unicodeScalars))
        var found: (length: Int, name: String)?
        for end in u.indices.map({ $0 + 1 }) {
            if let m = index.placeTrie.longest(endingAt: end, in: u, minimumLength: 2), end - m.start > (found?.length ?? 0) {
                found = (end - m.start, m.value)
            }
        }
        return found?.name
    }

    /// With a `hint` from the metadata, that place when it is of the level the text's bodies are named at.
    func mostMentionedPlace(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, _ counts: [String: Int], hint: String? = nil) -> String? {
        var levelUse: [String: Int] = [:]
        // (the bodies alone: their committees and lists tell nothing more about the level words used)
        for m in orgs.bodies(in: 0..<s.count, context: DocumentContext(author: nil, chain: [])) where m.rule == .organizationUnresolvedLevel {
            let surface = Array(m.canonical.unicodeScalars)
            if let w = index.levelWords.first(where: { surface.starts(with: $0.word) }) { levelUse[String(scalars: w.word), default: 0] += 1 }
        }
        func best(_ keep: (String) -> Bool) -> String? {
            if let hint, keep(hint) { return hint }
            return counts.filter { keep($0.key) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        if let word = levelUse.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, word != "全国",
           let place = best({ $0.hasSuffix(word) }) {
            return place
        }
        return best { rules.places[$0]?.level == "city" } ?? best { _ in true }
    }
}
