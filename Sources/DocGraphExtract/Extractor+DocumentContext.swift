extension Extractor {
    /// The author (the first organization the title names, else one named near the top) and its
    /// places. When the author names no place, the document's place is the one it names most often
    /// at the level its bodies are named by (区政府, 区政协 → the district named most often; a place its
    /// metadata names, 来源:拱墅区人大常委会, first), or the place given with `--place`.
    func documentContext(_ s: [Unicode.Scalar], _ orgs: OrganizationFinder, metadata: String? = nil) -> DocumentContext {
        let titleEnd = s.firstIndex(where: { $0 == "\n" }) ?? s.count
        /// The first body that can be the author: not a level word alone (区政府), not the venue of a speech (在…会议上).
        /// A headline's bare 法院 before a post (法院院长) names a post, not the author; a committee named
        /// first (大会主席团) stands for its body.
        func authorCandidate(_ range: Range<Int>, _ context: DocumentContext) -> Mention? {
            orgs.find(in: range, context: context).first { m in
                m.rule != "organization.unresolved-level"
                    && !(m.rule == "organization.bare-place" && m.range.upperBound < s.count
                         && PersonFinder(organizations: orgs).title(at: m.range.upperBound) != nil)
                    && !(m.range.lowerBound > 0 && s[m.range.lowerBound - 1] == "在")
            }.map { $0.parent.first ?? $0 }
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
        let author = authorCandidate(0..<titleEnd, inferred) ?? authorCandidate(0..<min(s.count, 400), inferred)
            ?? orgs.find(in: 0..<min(s.count, 400), context: inferred).first { $0.rule == "organization.unresolved-level" }
        return DocumentContext(author: author, chain: chain)
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
        for m in orgs.find(in: 0..<s.count, context: DocumentContext(author: nil, chain: [])) where m.rule == "organization.unresolved-level" {
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
