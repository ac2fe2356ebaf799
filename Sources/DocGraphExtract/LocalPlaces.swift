/// Places below the county that a document names — towns, townships and sub-districts (镇, 乡, 街道),
/// villages and communities (村, 社区) — which no gazetteer lists: a name of two to four characters
/// and a settlement word (`lexicons/local-levels.tsv`). Where such a name starts is told by what
/// stands before it: punctuation or a function word, a place or level word (府谷县大昌汗镇), or
/// another local place (小留镇吴油坊村). A name with nothing of the kind within reach is read only
/// where the document names the same place elsewhere with a clear start.
struct LocalPlaces: Sendable {
    struct Place: Sendable {
        /// The name with its settlement word (大昌汗镇).
        var name: String
        /// `town`, `village` or `zone`, as the settlement word says.
        var level: String
        /// The place written right before it (the county of a town, the town of a village), if any.
        var parent: String?
    }

    /// Where each named place ends in the text (after its settlement word) → where it starts, and its name.
    private(set) var byEnd: [Int: (start: Int, name: String)] = [:]
    private(set) var places: [String: Place] = [:]

    /// The levels of local places (a level word of `levels.tsv` with one of them stands for a town).
    static let levels: Set<String> = ["town", "village", "zone"]

    /// The longest name before a settlement word, and the shortest.
    static let longestName = 4
    static let shortestName = 2
    /// Characters a local place's name never holds: function words and conjunctions (在, 和, 到), and
    /// words that make a level word plural or a kind (各, 全, 该, 本).
    static let stops = Set("的了在是对把被将从为其及与和等到赴至我这那每各全本该任由经、，,。；;：:“”《》()（）".unicodeScalars)

    init() {}

    /// The local places of the text that `finder` reads.
    init(_ finder: OrganizationFinder) {
        let s = finder.scalars
        let words = finder.index.localLevels
        guard !words.isEmpty else { return }
        var uncertain: [(start: Int, end: Int, level: String)] = []   // settlement words with no clear start
        var end = 1
        while end <= s.count {
            guard finder.index.localLevelEnds.contains(s[end - 1]),
                  let word = words.first(where: { LexiconIndex.word($0.word, endsAt: end, in: s) }) else { end += 1; continue }
            let wordStart = end - word.word.count
            // 乡村, 乡镇: the settlement word begins a longer word.
            if end < s.count, finder.index.bodyContinuations.contains(LexiconIndex.pair(s[end - 1], s[end])) { end += 1; continue }
            // 城乡, 城镇: a word that only ends like a settlement word, unless a name of one character
            // stands before it (明城镇 is 明城 + 镇; 住房城乡 and 新型城镇 are no places).
            let blocker = finder.index.levelWordBlockers.longest(endingAt: end, in: s, minimumLength: word.word.count + 1)
            // 村委会 after 南羊村: a settlement word right after a local place begins the name of its body.
            if byEnd[wordStart] != nil { end += 1; continue }
            // A place the gazetteer knows (景德镇) is no local one.
            if finder.place(endingAt: end).map({ $0.0 < wordStart }) == true { end += 1; continue }
            if let (start, parent) = nameStart(before: wordStart, in: finder) {
                if blocker.map({ $0.start - start == 1 }) ?? true {
                    add(start: start, end: end, level: word.level, parent: parent, text: finder)
                }
            } else if blocker == nil {
                uncertain.append((wordStart, end, word.level))
            }
            end += 1
        }
        // A name read with a clear start elsewhere in the document is read where its start is not clear.
        for u in uncertain {
            for length in stride(from: Self.longestName, through: Self.shortestName, by: -1) where u.start - length >= 0 {
                let name = String(scalars: s[(u.start - length)..<u.end])
                if places[name] != nil {
                    byEnd[u.end] = (u.start - length, name)
                    break
                }
            }
        }
    }

    /// Where the name before the settlement word at `wordStart` begins, and the place written before
    /// it: the nearest start of two to four characters that a place, a level word or another local
    /// place stands before, or of two or three that punctuation or a conjunction stands before (a function
    /// word, a digit or a date before the name leaves its start unclear: 对一年来镇党委, 2023年度优秀镇).
    private func nameStart(before wordStart: Int, in finder: OrganizationFinder) -> (Int, String?)? {
        let s = finder.scalars
        var k = wordStart
        while k > 0, wordStart - k < Self.longestName {
            let u = s[k - 1]
            guard PersonFinder.isHan(u), !Self.stops.contains(u) || OrganizationFinder.conjunctions.contains(u) && wordStart - k >= Self.shortestName
            else { return nil }
            // A conjunction starts the name as a mark does (甲村和柳湾社区).
            if OrganizationFinder.conjunctions.contains(u) {
                return s[k..<wordStart].allSatisfy({ finder.index.levelCharacters.contains($0) }) ? nil : (k, nil)
            }
            k -= 1
            let length = wordStart - k
            guard length >= Self.shortestName else { continue }
            if let local = byEnd[k] { return (k, local.name) }
            if let (_, place) = finder.place(endingAt: k) { return (k, place) }
            if finder.levelWord(endingAt: k, lowerBound: 0) != nil { return (k, nil) }
            if length < Self.longestName, k == 0 || Self.isPunctuation(s[k - 1]) {
                // 市县乡: level words are no name.
                if s[k..<wordStart].allSatisfy({ finder.index.levelCharacters.contains($0) }) { return nil }
                return (k, nil)
            }
        }
        return nil
    }

    /// Marks that end a clause or a list, and spaces: what stands before a name whose start is clear.
    static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        !PersonFinder.isHan(u) && !u.properties.isAlphabetic && u.properties.numericType == nil
    }

    private mutating func add(start: Int, end: Int, level: String, parent: String?, text finder: OrganizationFinder) {
        let name = String(scalars: finder.scalars[start..<end])
        byEnd[end] = (start, name)
        if places[name] == nil { places[name] = Place(name: name, level: level, parent: parent) }
        else if places[name]?.parent == nil, let parent { places[name]?.parent = parent }
    }

    /// The place of `level` named first in `range`.
    func firstOccurrence(in range: Range<Int>, level: String) -> Place? {
        byEnd.filter { range.contains($0.value.start) && places[$0.value.name]?.level == level }
            .min { $0.value.start < $1.value.start }.flatMap { places[$0.value.name] }
    }

    /// The local place ending at `end` and starting at `lowerBound` or later.
    func place(endingAt end: Int, lowerBound: Int) -> (start: Int, place: Place)? {
        guard let found = byEnd[end], found.start >= lowerBound, let place = places[found.name] else { return nil }
        return (found.start, place)
    }
}

extension OrganizationFinder {
    /// Where a town's or village's name starts once the places written before it are taken in: the
    /// county before a town (府谷县大昌汗镇), the town before a village, and the places above those.
    func writtenParents(of found: LocalPlaces.Place, start: Int, lowerBound: Int) -> Int {
        var start = start
        var parent = found.parent
        while let name = parent {
            if let (s, p) = local.place(endingAt: start, lowerBound: lowerBound), p.name == name {
                start = s
                parent = p.parent
            } else if let (s, p) = place(endingAt: start), s >= lowerBound, p == name {
                start = s
                parent = rules.places[p]?.parent
            } else {
                break
            }
        }
        return start
    }
}
