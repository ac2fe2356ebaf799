/// The lexicons arranged for scanning text, built once per set of rules:
/// place names by their characters, and endings, national bodies and post
/// titles by the character they start with, behind bitmaps that let most
/// positions of a text be passed over with one array read.
///
/// A class, so that the finders and readings of every document share one index (a copy of a
/// struct of this many arrays and tables retained every one of them, several times a document).
final class LexiconIndex: Sendable {
    /// Place names by their scalars, full (杭州市) and short (杭州) forms alike;
    /// keyed by slices so that a stretch of text is looked up without copying it.
    let placeForms: [ArraySlice<Unicode.Scalar>: String]
    let maximumPlaceLength: Int
    /// The same forms, for finding the longest one that ends at a position.
    let placeTrie: SuffixTrie
    /// Every character a place form ends with.
    let placeEnds: ScalarSet
    /// Endings by their first character, longest first.
    let endings: WordsByFirst<Ending>
    /// A body ending, and what its rule asks of it at every match, answered once.
    struct Ending: Sendable {
        let rule: ExtractionRules.OrganizationEnding
        /// 委, 委员会 …: the ending needs a level word right before it.
        let opensWithCommittee: Bool
    }
    /// National bodies, and regional ones (with their region), by their first two characters (packed as a
    /// pair: 中 alone begins too many words to look them all up), longest first.
    let nationalByStart: [UInt64: [NamedBody]]
    /// The first and the second characters of those names, so that most positions are passed over
    /// with two array reads.
    let nationalStarts: ScalarSet
    let nationalSeconds: ScalarSet
    /// The first characters of body endings and of an institution's bodies.
    let endingStarts: ScalarSet
    let institutionStarts: ScalarSet
    /// Words whose first character can end a national body's name (部门, 局面), keyed by both characters.
    let bodyContinuations: Set<UInt64>
    /// Every character an ending or a national body's name starts with.
    let organizationStarts: ScalarSet
    let titlesByFirst: [Unicode.Scalar: [(word: [Unicode.Scalar], title: ExtractionRules.PostTitle)]]
    /// The same titles for lookups at a position (see ``WordsByFirst``).
    let titles: WordsByFirst<ExtractionRules.PostTitle>
    let titleStarts: ScalarSet
    /// Surnames of one character, and of two (欧阳) packed into one number.
    let singleSurnames: ScalarSet
    let compoundSurnames: Set<UInt64>
    let compoundSurnameStarts: ScalarSet
    let nameStops: ScalarSet
    let nameStopsEndingNames: ScalarSet
    let nameEnds: ScalarSet
    /// The bodies an institution has of its own (党委, 工会), by their first character, longest first.
    let institutionEndings: [Unicode.Scalar: [[Unicode.Scalar]]]
    /// The special committees of congresses and of the CPPCC, longest first.
    let specialCommittees: [[Unicode.Scalar]]
    /// Endings of stationed bodies (纪检监察组), back to front, and the words before where they are kept (驻).
    let stationedEndings: SuffixTrie
    let stationedVerbs: [[Unicode.Scalar]]
    /// Where a stationed body's verb may start: every position where one of them may stand (all
    /// of them when a verb is empty).
    let stationedVerbStarts: ScalarSet
    let stationedVerbMayBeEmpty: Bool
    /// Head words of institutions' names (集团, 大学) and verbs before a body's name (召开), back to front.
    let institutionHeads: SuffixTrie
    let clauseVerbs: SuffixTrie
    /// Settlement words of local places (街道, 镇, 村), longest first, and the characters they end with.
    let localLevels: [(word: [Unicode.Scalar], level: String)]
    let localLevelEnds: ScalarSet
    /// Level words (市, 省), longest first so that the choice never depends on dictionary order.
    let levelWords: [(word: [Unicode.Scalar], level: String)]
    /// Every character of a level word.
    let levelCharacters: ScalarSet
    /// Verbs after which a regulation may be named without 《》 (制定, 修改), longest first.
    let unquotedRegulationCues: [[Unicode.Scalar]]
    let unquotedRegulationCueStarts: ScalarSet
    let unquotedRegulationHeads: [[Unicode.Scalar]]
    /// Verbs of revising before an inner title (修改〈…〉).
    let revisionCues: [[Unicode.Scalar]]
    /// Words ending in a department ending that name no department (大局, 大厅).
    let notDepartments: SuffixTrie
    /// Endings of a body's committees and offices (工作委员会, 办公室, 主席团).
    let subBodyEndings: SuffixTrie
    /// Words that end an organization's name (局, 法院, 日报), for the tagger's names.
    let organizationHeads: SuffixTrie
    /// Words that end in a level word without being one (社区, 城市).
    let levelWordBlockers: SuffixTrie
    /// Department names (公安, 教育) and party prefixes (中共), for the longest one before a position.
    let departments: SuffixTrie
    let partyPrefixes: SuffixTrie
    /// Program nouns and regulation head nouns as scalars, longest first.
    let programNouns: [[Unicode.Scalar]]
    let regulationHeads: [[Unicode.Scalar]]
    /// Words that make the author a helper, not the actor, of a cue after them (配合, 协助).
    let assistingWords: [[Unicode.Scalar]]
    /// Every character a cue frame's cue words start with (see ``RelationFrame/mayMatch(_:at:)``).
    let frameCueStarts: ScalarSet
    /// Verbs of appointment (为, 任, 当选为) and the words between a name and them (同志), in the lexicon's order.
    let appointmentVerbs: [[Unicode.Scalar]]
    let appointmentAfterNames: [[Unicode.Scalar]]
    /// Names that say a body's kind but not whose it is (市委, 大会): one entity per document.
    let placelessNames: PlacelessBodyNames

    /// The rules the index was built from, shared through it by the finders of every document.
    let rules: ExtractionRules

    init(rules: ExtractionRules) {
        self.rules = rules
        var forms: [ArraySlice<Unicode.Scalar>: String] = [:]
        for name in rules.places.keys { forms[ArraySlice(name.unicodeScalars)] = name }
        // A full name always wins over a short form; between two short forms, the higher level
        // (长沙 is 长沙市, not 长沙县), then the first in the file.
        let byLevel = rules.placeOrder.enumerated().compactMap { k, name in rules.places[name].map { ($0.rank, k, $0) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        for place in byLevel {
            for short in place.shortForms {
                let form = ArraySlice(short.unicodeScalars)
                if form.count >= 2 && forms[form] == nil { forms[form] = place.name }
            }
        }
        placeForms = forms
        var trie = SuffixTrie()
        for (form, name) in forms { trie.insert(form, value: name) }
        placeTrie = trie
        maximumPlaceLength = forms.keys.map(\.count).max() ?? 0
        placeEnds = ScalarSet(forms.keys.compactMap(\.last))
        endings = WordsByFirst(rules.organizationEndings.map { (Array($0.ending.unicodeScalars), Ending(rule: $0, opensWithCommittee: $0.ending.hasPrefix("委"))) })
        let endingFirsts = rules.organizationEndings.map { $0.ending.unicodeScalars.first ?? " " }
        let named = rules.nationalOrganizations.map { NamedBody(word: Array($0.form.unicodeScalars), form: $0.form, canonical: $0.canonical) }
            + rules.regionalOrganizations.map {
                NamedBody(word: Array($0.form.unicodeScalars), form: $0.form, canonical: $0.canonical, region: $0.region)
            }
        // Longest first; between a national and a regional body of one name, the regional one is
        // tried first (it is read only in its region's documents).
        let longestFirst = named.sorted { ($0.word.count, $0.region == nil ? 0 : 1) > ($1.word.count, $1.region == nil ? 0 : 1) }
        nationalByStart = Dictionary(grouping: longestFirst.filter { $0.word.count >= 2 }, by: { LexiconIndex.pair($0.word[0], $0.word[1]) })
        nationalStarts = ScalarSet(longestFirst.compactMap(\.word.first))
        nationalSeconds = ScalarSet(longestFirst.filter { $0.word.count >= 2 }.map { $0.word[1] })
        bodyContinuations = Set(rules.bodyContinuations.map { Array($0.unicodeScalars) }.filter { $0.count == 2 }.map { LexiconIndex.pair($0[0], $0[1]) })
        institutionEndings = Dictionary(grouping: rules.institutionBodies.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count },
                                        by: { $0.first ?? " " })
        endingStarts = ScalarSet(endingFirsts)
        institutionStarts = ScalarSet(institutionEndings.keys)
        organizationStarts = ScalarSet(endingFirsts + longestFirst.compactMap(\.word.first) + Array(institutionEndings.keys))
        titlesByFirst = Dictionary(grouping: rules.postTitles.map { (Array($0.title.unicodeScalars), $0) }, by: { $0.word.first ?? " " })
        titles = WordsByFirst(rules.postTitles.map { (Array($0.title.unicodeScalars), $0) })
        titleStarts = ScalarSet(titlesByFirst.keys)
        let surnames = rules.surnames.map { Array($0.unicodeScalars) }
        singleSurnames = ScalarSet(surnames.filter { $0.count == 1 }.map { $0[0] })
        compoundSurnames = Set(surnames.filter { $0.count == 2 }.map { Self.pair($0[0], $0[1]) })
        compoundSurnameStarts = ScalarSet(surnames.filter { $0.count == 2 }.map { $0[0] })
        nameStops = ScalarSet(rules.nameStops)
        nameStopsEndingNames = ScalarSet(rules.nameStopsEndingNames)
        nameEnds = ScalarSet(rules.nameEnds)
        levelWords = rules.levels.map { (Array($0.key.unicodeScalars), $0.value) }
            .sorted { $0.word.count != $1.word.count ? $0.word.count > $1.word.count : $0.word.lexicographicallyPrecedes($1.word) }
        specialCommittees = rules.specialCommittees.map { Array($0.unicodeScalars) }
        var stationed = SuffixTrie()
        for w in rules.stationedBodies { stationed.insert(Array(w.unicodeScalars), value: w) }
        stationedEndings = stationed
        stationedVerbs = rules.stationedVerbs.map { Array($0.unicodeScalars) }
        stationedVerbStarts = ScalarSet(stationedVerbs.compactMap(\.first))
        stationedVerbMayBeEmpty = stationedVerbs.contains { $0.isEmpty }
        var institutionHeadTrie = SuffixTrie()
        for w in rules.institutionHeads { institutionHeadTrie.insert(Array(w.unicodeScalars), value: w) }
        institutionHeads = institutionHeadTrie
        var verbs = SuffixTrie()
        for w in rules.clauseVerbs { verbs.insert(Array(w.unicodeScalars), value: w) }
        clauseVerbs = verbs
        levelCharacters = ScalarSet(rules.levels.keys.flatMap(\.unicodeScalars))
        localLevels = rules.localLevels.map { (Array($0.word.unicodeScalars), $0.level) }.sorted { $0.word.count > $1.word.count }
        localLevelEnds = ScalarSet(localLevels.compactMap(\.word.last))
        unquotedRegulationCues = rules.regulationCues.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        unquotedRegulationCueStarts = ScalarSet(unquotedRegulationCues.compactMap(\.first))
        unquotedRegulationHeads = rules.unquotedRegulationHeads.map { Array($0.unicodeScalars) }
        revisionCues = rules.revisionCues.map { Array($0.unicodeScalars) }
        var notDepartments = SuffixTrie()
        for w in rules.notDepartments { notDepartments.insert(Array(w.unicodeScalars), value: w) }
        self.notDepartments = notDepartments
        var subEndings = SuffixTrie()
        for w in rules.subBodyEndings { subEndings.insert(Array(w.unicodeScalars), value: w) }
        subBodyEndings = subEndings
        var heads = SuffixTrie()
        for w in rules.organizationHeads { heads.insert(Array(w.unicodeScalars), value: w) }
        organizationHeads = heads
        var blockers = SuffixTrie()
        for w in rules.levelWordBlockers { blockers.insert(Array(w.unicodeScalars), value: w) }
        levelWordBlockers = blockers
        var departments = SuffixTrie()
        for d in rules.departments { departments.insert(Array(d.form.unicodeScalars), value: d.canonical) }
        self.departments = departments
        var prefixes = SuffixTrie()
        for p in rules.partyPrefixes { prefixes.insert(Array(p.word.unicodeScalars), value: p.body) }
        partyPrefixes = prefixes
        programNouns = rules.programNouns.map { Array($0.unicodeScalars) }
        regulationHeads = rules.regulationHeads.map { Array($0.unicodeScalars) }
        assistingWords = rules.assistingWords.map { Array($0.unicodeScalars) }
        frameCueStarts = ScalarSet(rules.frames.flatMap { $0.cueWords?.compactMap(\.first) ?? [] })
        appointmentVerbs = rules.appointmentVerbs.map { Array($0.unicodeScalars) }
        appointmentAfterNames = rules.appointmentAfterNames.map { Array($0.unicodeScalars) }
        placelessNames = PlacelessBodyNames(rules: rules)
    }

    /// Whether `word` ends at `end` in `text`, within `lowerBound..<end`.
    @inline(__always)
    static func word(_ word: [Unicode.Scalar], endsAt end: Int, in text: [Unicode.Scalar], lowerBound: Int = 0) -> Bool {
        end - word.count >= lowerBound && end <= text.count && text[(end - word.count)..<end].elementsEqual(word)
    }

    /// Whether `word` (not empty) stands anywhere in `text`.
    static func occurs(_ word: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, text.count >= word.count else { return false }
        var i = text.startIndex
        while i + word.count <= text.endIndex {
            if text[i] == first && text[i..<(i + word.count)].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// The national and regional bodies whose names start at `i` in `text`, longest first.
    func namedBodies(at i: Int, in text: [Unicode.Scalar]) -> [NamedBody] {
        guard i + 1 < text.count, nationalStarts.contains(text[i]), nationalSeconds.contains(text[i + 1]) else { return [] }
        return nationalByStart[Self.pair(text[i], text[i + 1])] ?? []
    }

    /// A body known by its name alone: national, or of one region (Hong Kong's 保安局).
    struct NamedBody: Sendable {
        var word: [Unicode.Scalar]
        var form: String
        var canonical: String
        /// The region whose documents name it so (a place's full name), nil for a national body.
        var region: String? = nil
    }
}
