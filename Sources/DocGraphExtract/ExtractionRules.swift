import DocGraphModel
import DocGraphOntology
import FoundationEssentials

/// The lexicons and rules of an `Ontology/` folder, checked against its
/// ontology: a rule can only emit a class or property the ontology declares.
/// Ontology/README.md documents every file's format.
public struct ExtractionRules: Sendable {
    public struct OrganizationEnding: Sendable {
        public var ending: String
        public var canonical: String
        public var canonicalAfterParty: String
        public enum NameForm: String, Sendable { case full, surface, department }
        public var form: NameForm
        public enum BareUse: String, Sendable { case author, place, no }
        /// What the ending alone, with no place before it, refers to.
        public var bareUse: BareUse
    }

    public struct Place: Sendable {
        public var name: String
        /// `province`, `city` (prefecture level), `county` (counties and county-level cities) or `district`.
        public var level: String
        public var parent: String?
        /// Forms the place goes by without its level word (杭州 for 杭州市, 湘西州 for 湘西土家族苗族自治州).
        public var shortForms: [String] = []

        /// Higher levels first: a short form shared by a city and a county names the city.
        var rank: Int { ["province": 0, "city": 1, "county": 2, "district": 3][level] ?? 4 }
    }

    public struct PostTitle: Sendable {
        public var title: String
        /// Level + ending of the organization the title implies (`市` + `人民政府`), or nil.
        public var impliedLevel: String?
        public var impliedEnding: String?
        /// National bodies the title implies, the first the document names (总书记: 中共中央, else 中国共产党).
        public var impliedAlternatives: [String] = []
    }

    public var organizationEndings: [OrganizationEnding]
    /// Places by full name; a name shared by several places (鼓楼区) keeps the first in the file.
    public var places: [String: Place]
    /// Every place whose full name other places share, by that name, in file order.
    public var homonyms: [String: [Place]]
    /// The full names of `places` in file order (a dictionary has none of its own).
    public var placeOrder: [String]
    public var levels: [String: String]
    /// Bodies an institution has of its own (党委, 党支部, 工会), named right after it.
    public var institutionBodies: [String]
    /// Endings of the bodies one body keeps at another (纪检监察组, 工作队), and the words that say it keeps
    /// them there (驻, 派驻).
    public var stationedBodies: [String]
    public var stationedVerbs: [String]
    /// Words of appointments: verbs between a name and a post (当选为, 担任), and words between a name and
    /// such a verb (同志).
    public var appointmentVerbs: [String]
    public var appointmentAfterNames: [String]
    /// Words of a byline that names the document's author (作者).
    public var bylineWords: [String]
    /// Characters that end the names of villages and small places (庄, 屯).
    public var placeNameEndings: Set<Unicode.Scalar>
    /// Head words that end an institution's name (集团, 大学, 医院).
    public var institutionHeads: [String]
    /// Verbs that stand right before a body's name (召开, 来到): a name read back from its ending stops at one.
    public var clauseVerbs: [String]
    /// The canonical endings of the bodies a town or a village has, by level.
    public var localBodies: [String: Set<String>]
    /// Settlement words of places below the county (镇, 街道, 村) and their level (`town`, `village`).
    public var localLevels: [(word: String, level: String)]
    /// Canonical endings that change with the level of their place (法院 of a province → 高级人民法院):
    /// ending → level → ending at that level.
    public var endingsByLevel: [String: [String: String]]
    /// Verbs after which a regulation may be named without 《》 (制定, 修改).
    public var regulationCues: [String]
    /// Head nouns that end a regulation's name even without 《》 (条例, 办法).
    public var unquotedRegulationHeads: [String]
    /// Verbs that, before an inner title in a decision's title, say the decision revises it (修改〈X〉).
    public var revisionCues: [String]
    /// Words that end in a department ending but name no department (大局, 大厅).
    public var notDepartments: [String]
    /// Endings of a body's committees and offices named right after it (工作委员会, 办公室, 主席团).
    public var subBodyEndings: [String]
    /// The special committees of congresses and of the CPPCC (宪法和法律委员会), read whole after their body.
    public var specialCommittees: [String]
    /// The most words a sub-body's ending allows between its body and it (组织部: none), where the file says.
    public var subBodyLongestMiddle: [String: Int]
    /// Words that end an organization's name (局, 法院, 日报): the tagger's organization names must end in one.
    public var organizationHeads: [String]
    /// Words ending in a level word that are not one (社区, 城市, 开发区).
    public var levelWordBlockers: [String]
    /// Words written before a place that name a body of that place when a 委员会 ending follows
    /// (中共杭州市委员会 = 杭州市委, 政协杭州市委员会 = 杭州市政协): the word, and the ending that replaces 委.
    public var partyPrefixes: [(word: String, body: String)]
    public var regulationHeads: [String]
    public var assistingWords: [String]
    public var surnames: Set<String>
    public var postTitles: [PostTitle]
    public var programNouns: [String]
    public var nameStops: Set<Unicode.Scalar>
    /// Function words that end names too (吴德和), where a separator follows them.
    public var nameStopsEndingNames: Set<Unicode.Scalar>
    public var nameEnds: Set<Unicode.Scalar>
    /// Department names as written (公安, 发改) and the name each stands for (公安, 发展和改革).
    public var departments: [(form: String, canonical: String)]
    /// National bodies: written form → canonical name.
    public var nationalOrganizations: [(form: String, canonical: String)]
    /// Bodies of Hong Kong, Macao and Taiwan named without their region: the region (a place's full
    /// name), the written form and the canonical name.
    public var regionalOrganizations: [(region: String, form: String, canonical: String)]
    /// Words whose first character can end a national or regional body's name (部门, 局面): the name is
    /// not read where the text goes on to complete one.
    public var bodyContinuations: [String]
    public var frames: [RelationFrame]
    /// The numeric settings of `rules/policy.tsv` (rule confidences, tagger and model thresholds).
    public var policy = ExtractionPolicy()
    /// Traditional characters and their simplified forms.
    public var traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]

    public let ontology: Ontology

    /// Loads every lexicon and rule file of the folder.
    public static func load(directory: String) throws -> ExtractionRules {
        let ontology = try Ontology.load(path: directory + "/" + OntologyLocator.ontologyFile)
        for needed in EntityKind.allCases.map(\.rawValue) where ontology.class(named: needed) == nil {
            throw ParseError(source: directory + "/" + OntologyLocator.ontologyFile, message: "class '\(needed)' is not declared")
        }
        func path(_ f: String) -> String { directory + "/" + f }
        func words(_ f: String) throws -> [String] { try lines(path(f)).map(\.text) }
        func table(_ f: String, columns: ClosedRange<Int>) throws -> [(Int, [String])] {
            try lines(path(f)).map { line, text in
                // (a tab is a character of its own: splitting the bytes gives the columns the characters give)
                let cols = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                guard columns.contains(cols.count) else {
                    let expected = columns.count == 1 ? "\(columns.lowerBound)" : "\(columns.lowerBound) or \(columns.upperBound)"
                    throw ParseError(source: path(f), line: line, column: 1,
                                     message: "expected \(expected) tab-separated columns, found \(cols.count)")
                }
                return (line, cols)
            }
        }
        func table(_ f: String, columns: Int) throws -> [(Int, [String])] { try table(f, columns: columns...columns) }
        var endings: [OrganizationEnding] = []
        for (line, c) in try table("lexicons/organization-suffixes.tsv", columns: 5) {
            guard let form = OrganizationEnding.NameForm(rawValue: c[3]), let bare = OrganizationEnding.BareUse(rawValue: c[4]) else {
                throw ParseError(source: path("lexicons/organization-suffixes.tsv"), line: line, column: 1,
                                 message: "name form must be full|surface|department and bare use author|place|no")
            }
            endings.append(OrganizationEnding(ending: c[0], canonical: c[1], canonicalAfterParty: c[2], form: form, bareUse: bare))
        }
        var places: [String: Place] = [:]
        var homonyms: [String: [Place]] = [:]
        var placeOrder: [String] = []
        for (line, c) in try table("lexicons/places.tsv", columns: 3...4) {
            guard ["province", "city", "district", "county"].contains(c[1]) else {
                throw ParseError(source: path("lexicons/places.tsv"), line: line, column: 1, message: "unknown level '\(c[1])'")
            }
            var place = Place(name: c[0], level: c[1], parent: c[2] == "-" ? nil : c[2])
            if c.count == 4 {
                place.shortForms = c[3] == "-" ? [] : c[3].split(separator: ",").map(String.init)
            } else {
                place.shortForms = Place.derivedShortForms(c[0])
            }
            if let first = places[c[0]] {
                if homonyms[c[0]] == nil { homonyms[c[0]] = [first] }
                homonyms[c[0]]?.append(place)
            } else {
                places[c[0]] = place
                placeOrder.append(c[0])
            }
        }
        var levels: [String: String] = [:]
        for (_, c) in try table("lexicons/levels.tsv", columns: 2) { levels[c[0]] = c[1] }
        var titles: [PostTitle] = []
        for (_, c) in try table("lexicons/post-titles.tsv", columns: 2) {
            var t = PostTitle(title: c[0])
            if c[1].hasPrefix("*") {
                // The document's own place's body: 政协委员 in a county report → the county's 政协.
                t.impliedLevel = "*"
                t.impliedEnding = String(c[1].dropFirst())
            } else if c[1].contains("|") {
                // 中共中央|中国共产党: the first body the document names, else the last.
                t.impliedAlternatives = c[1].split(separator: "|").map(String.init)
                t.impliedEnding = t.impliedAlternatives.last
            } else if c[1] != "-" {
                if let level = levels.keys.first(where: { c[1].hasPrefix($0) }) {
                    t.impliedLevel = level
                    t.impliedEnding = String(c[1].dropFirst(level.count))
                } else {
                    t.impliedEnding = c[1]
                }
            }
            titles.append(t)
        }
        var surnames: Set<String> = []
        for (line, name) in try lines(path("lexicons/surnames.txt")) {
            guard (1...2).contains(name.unicodeScalars.count) else {
                throw ParseError(source: path("lexicons/surnames.txt"), line: line, column: 1,
                                 message: "a surname has one or two characters, not '\(name)'")
            }
            surnames.insert(name)
        }
        var frames: [RelationFrame] = []
        let frameFile = path("rules/relation-frames.tsv")
        for (line, c) in try table("rules/relation-frames.tsv", columns: 6) {
            func fail(_ m: String) -> ParseError { ParseError(source: frameFile, line: line, column: 1, message: m) }
            guard let p = ontology.property(named: c[0]) else { throw fail("property '\(c[0])' is not declared in the ontology") }
            guard let confidence = Double(c[4]), (0...1).contains(confidence) else {
                throw fail("confidence must be a number from 0 to 1, not '\(c[4])'")
            }
            do {
                frames.append(try RelationFrame(predicate: p.iri, rule: c[1], subject: c[2], object: c[3],
                                                confidence: confidence, pattern: c[5]))
            } catch let e as RelationFrame.Invalid {
                throw fail(e.message)
            }
        }
        var rules = ExtractionRules(
            organizationEndings: endings.sorted { $0.ending.count > $1.ending.count },
            places: places, homonyms: homonyms, placeOrder: placeOrder, levels: levels,
            institutionBodies: try words("lexicons/institution-bodies.txt"),
            stationedBodies: try table("lexicons/stationed-bodies.txt", columns: 2).filter { $0.1[0] == "ending" }.map { $0.1[1] },
            stationedVerbs: try table("lexicons/stationed-bodies.txt", columns: 2).filter { $0.1[0] == "verb" }.map { $0.1[1] }
                .sorted { $0.count > $1.count },
            appointmentVerbs: try table("lexicons/appointment-words.tsv", columns: 2).filter { $0.1[0] == "verb" }.map { $0.1[1] }
                .sorted { $0.count > $1.count },
            appointmentAfterNames: try table("lexicons/appointment-words.tsv", columns: 2).filter { $0.1[0] == "after" }.map { $0.1[1] }
                .sorted { $0.count > $1.count },
            bylineWords: try words("lexicons/byline-words.txt"),
            placeNameEndings: Set(try words("lexicons/place-name-endings.txt").compactMap { $0.unicodeScalars.first }),
            institutionHeads: try words("lexicons/institution-heads.txt"),
            clauseVerbs: try words("lexicons/clause-verbs.txt"),
            localBodies: try table("lexicons/local-bodies.tsv", columns: 2).reduce(into: [:]) { out, row in
                out[row.1[0], default: []].insert(row.1[1])
            },
            localLevels: try table("lexicons/local-levels.tsv", columns: 2).map { line, c in
                guard ["town", "village", "zone"].contains(c[1]) else {
                    throw ParseError(source: path("lexicons/local-levels.tsv"), line: line, column: 1, message: "unknown level '\(c[1])'")
                }
                return (c[0], c[1])
            },
            endingsByLevel: try table("lexicons/endings-by-level.tsv", columns: 3).reduce(into: [:]) { out, row in
                out[row.1[0], default: [:]][row.1[1]] = row.1[2]
            },
            regulationCues: try table("lexicons/regulation-cues.txt", columns: 2).filter { $0.1[0] == "cue" }.map { $0.1[1] },
            unquotedRegulationHeads: try table("lexicons/regulation-cues.txt", columns: 2).filter { $0.1[0] == "head" }.map { $0.1[1] },
            revisionCues: try table("lexicons/regulation-cues.txt", columns: 2).filter { $0.1[0] == "revise" }.map { $0.1[1] },
            notDepartments: try words("lexicons/not-departments.txt"),
            subBodyEndings: try table("lexicons/sub-body-endings.txt", columns: 1...2).map { $0.1[0] },
            specialCommittees: try words("lexicons/special-committees.txt").sorted { $0.count > $1.count },
            subBodyLongestMiddle: try table("lexicons/sub-body-endings.txt", columns: 1...2).reduce(into: [:]) { out, row in
                if row.1.count > 1, let n = Int(row.1[1]) { out[row.1[0]] = n }
            },
            organizationHeads: try words("lexicons/organization-heads.txt"),
            levelWordBlockers: try words("lexicons/level-word-blockers.txt"),
            partyPrefixes: try table("lexicons/party-prefixes.txt", columns: 1...2).map { _, c in (c[0], c.count > 1 ? c[1] : "委") }
                .sorted { $0.word.count > $1.word.count },
            regulationHeads: try words("lexicons/regulation-heads.txt").sorted { $0.count > $1.count },
            assistingWords: try words("lexicons/assisting-words.txt"),
            surnames: surnames,
            postTitles: titles.sorted { $0.title.count > $1.title.count },
            programNouns: try words("lexicons/program-nouns.txt").sorted { $0.count > $1.count },
            nameStops: Set(try table("lexicons/name-stop-characters.txt", columns: 1...2).compactMap { $0.1[0].unicodeScalars.first }),
            nameStopsEndingNames: Set(try table("lexicons/name-stop-characters.txt", columns: 1...2)
                .filter { $0.1.count > 1 && $0.1[1] == "end" }.compactMap { $0.1[0].unicodeScalars.first }),
            nameEnds: Set(try words("lexicons/name-end-characters.txt").compactMap { $0.unicodeScalars.first }),
            departments: try table("lexicons/departments.txt", columns: 1...2).map { _, c in (c[0], c.count > 1 ? c[1] : c[0]) }
                .sorted { $0.form.count > $1.form.count },
            nationalOrganizations: try lines(path("lexicons/national-organizations.txt")).map { _, text in
                let cols = text.split(separator: "\t").map(String.init)
                return (cols[0], cols.count > 1 ? cols[1] : cols[0])
            }.sorted { $0.form.count > $1.form.count },
            regionalOrganizations: try table("lexicons/regional-organizations.tsv", columns: 3).map { _, c in
                (c[0], c[1], c[2] == "-" ? c[1] : c[2])
            },
            bodyContinuations: try words("lexicons/body-continuations.txt"),
            frames: frames,
            traditionalToSimplified: Dictionary(try table("lexicons/traditional-simplified.tsv", columns: 2).compactMap { _, c in
                guard let t = c[0].unicodeScalars.first, let s = c[1].unicodeScalars.first else { return nil }
                return (t, s)
            }, uniquingKeysWith: { a, _ in a }),
            ontology: ontology)
        if FileManager.default.fileExists(atPath: path("rules/policy.tsv")) {
            rules.policy = try ExtractionPolicy.parse(lines(path("rules/policy.tsv")), path: path("rules/policy.tsv"))
        }
        return rules
    }

    /// The meaningful lines of a data file: not blank, not `#` comments.
    static func lines(_ path: String) throws -> [(line: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(source: path, message: "cannot read rule file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ParseError(source: path, message: "rule file is not valid UTF-8")
        }
        var out: [(Int, String)] = []
        // Lines split at each "\n" that is a character of its own, as splitting the characters splits
        // them ("\r\n" is one character), found in the bytes without walking the characters.
        let bytes = Array(text.utf8)
        var start = 0
        var pieces: [String] = []
        for k in 0...bytes.count where k == bytes.count || (bytes[k] == 0x0A && (k == 0 || bytes[k - 1] != 0x0D)) {
            pieces.append(String(decoding: bytes[start..<k], as: UTF8.self))
            start = k + 1
        }
        for (i, raw) in pieces.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            // Blank or a comment: the first character other than a space or tab (CharacterSet.whitespaces,
            // looked up scalar by scalar: trimming each line through Foundation cost more than the rest of loading).
            let first = line.unicodeScalars.first { $0 != "\t" && $0.properties.generalCategory != .spaceSeparator }
            if first == nil || first == "#" { continue }
            out.append((i + 1, line))
        }
        return out
    }
}

extension ExtractionRules {
    /// The canonical ending of a body of `place`: 法院 of a province is its 高级人民法院.
    /// A town or village (which the gazetteer does not list) gives its `level`.
    func ending(_ canonical: String, of place: String, level local: String? = nil) -> String {
        guard let byLevel = endingsByLevel[canonical] else { return canonical }
        if let local { return byLevel[local] ?? canonical }
        guard let info = places[place] else { return canonical }
        // A row may name a province-level place instead of a level: it holds for that place and every place in it.
        var top = place
        while let parent = places[top]?.parent, parent != top { top = parent }
        if let ending = byLevel[top] { return ending }
        let level = place.hasSuffix("特别行政区") ? "sar" : info.level == "city" && info.parent == nil ? "municipality" : info.level
        return byLevel[level] ?? canonical
    }
}

extension ExtractionRules.Place {
    /// The short form of a three-column places file: the name without its level word, when two
    /// characters or more remain.
    static func derivedShortForms(_ name: String) -> [String] {
        for suffix in ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
            let short = String(name.unicodeScalars.dropLast(suffix.unicodeScalars.count))
            return short.unicodeScalars.count >= 2 ? [short] : []
        }
        return []
    }
}

extension ExtractionRules.PostTitle {
    init(title: String) {
        self.title = title
        impliedLevel = nil
        impliedEnding = nil
    }
}
