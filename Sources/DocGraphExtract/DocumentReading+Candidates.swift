import DocGraphLearn

extension DocumentReading {
    /// How far apart (in scalars) two mentions may stand and still be a candidate pair.
    static let candidateReach = 80

    /// The post titles of a sentence outside its mentions (书记, 副市长), longest at each start.
    func titles(in reading: SentenceMentions) -> [(range: Range<Int>, title: ExtractionRules.PostTitle)] {
        var out: [(range: Range<Int>, title: ExtractionRules.PostTitle)] = []
        // Where a mention other than a body's stands: a title never starts or ends inside one.
        var named = [Bool](repeating: false, count: reading.range.count)
        for m in reading.mentions where m.kind != .organization {
            for k in m.range.clamped(to: reading.range) { named[k - reading.range.lowerBound] = true }
        }
        var i = reading.range.lowerBound
        while i < reading.range.upperBound {
            if let t = people.title(at: i) {
                let r = i..<min(reading.range.upperBound, i + t.title.unicodeScalars.count)
                if !r.contains(where: { named[$0 - reading.range.lowerBound] }) {
                    out.append((r, t))
                    i = r.upperBound
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Every candidate pair of one sentence, with its features. `keepNames` keeps the features'
    /// names (training, `explain`).
    func candidates(_ reading: SentenceMentions, sentenceIndex: Int, keepNames: Bool) -> [RelationCandidate] {
        let mentions = reading.mentions
        guard !mentions.isEmpty else { return [] }
        let units = SentenceUnits(sentence: reading.range, mentions: mentions, text: s, labelAt: people.tagged.labelAt)
        let frames = frameMatches(reading)
        let titles = titles(in: reading)
        var out: [RelationCandidate] = []
        let author = context.author
        // The cue frames' readings by their ends (nil for the author), so each pair finds its own at once.
        struct Ends: Hashable { var subject: Range<Int>?, object: Range<Int>? }
        var framesByEnds: [Ends: [String]] = [:]
        for f in frames {
            framesByEnds[Ends(subject: f.subjectIsAuthor ? nil : f.subject.range, object: f.objectIsAuthor ? nil : f.object.range), default: []]
                .append(extractor.rules.frames[f.frame].rule)
        }
        func frameRules(_ subject: Mention?, _ object: Mention?, subjectIsAuthor: Bool = false, objectIsAuthor: Bool = false) -> [String] {
            framesByEnds[Ends(subject: subjectIsAuthor ? nil : subject?.range, object: objectIsAuthor ? nil : object?.range)] ?? []
        }
        // Mentions are in text order: the ones within reach of a position are a window of them.
        func near(_ position: Int) -> Range<Int> {
            var lo = 0, hi = mentions.count
            while lo < hi { let mid = (lo + hi) / 2; if mentions[mid].range.lowerBound < position - Self.candidateReach { lo = mid + 1 } else { hi = mid } }
            var end = lo
            while end < mentions.count, mentions[end].range.lowerBound <= position + Self.candidateReach { end += 1 }
            return lo..<end
        }
        var postsByPerson: [Range<Int>: [PersonFinder.Post]] = [:]
        for post in reading.posts { postsByPerson[post.person.range, default: []].append(post) }
        var titleEndingAt: [Int: (range: Range<Int>, title: ExtractionRules.PostTitle)] = [:]
        var titleStartingAt: [Int: (range: Range<Int>, title: ExtractionRules.PostTitle)] = [:]
        for t in titles {
            titleEndingAt[t.range.upperBound] = t
            titleStartingAt[t.range.lowerBound] = t
        }

        let features = CandidateFeatures(units: units, text: s, mentions: mentions, keepNames: keepNames,
                                         assistingWords: extractor.rules.assistingWords, isTitle: sentenceIndex == 0)
        // The mentions of each mention's list of its class (itself alone where it stands in none).
        let listMembers = mentions.indices.map { m -> [Int] in
            let l = features.list(around: units.unitOfMention[m])
            return stride(from: l.lowerBound, through: l.upperBound, by: 2).compactMap { units.units[$0].mention }
        }
        for (j, o) in mentions.enumerated() {
            // The author acting on what the sentence names, and (for bodies) a body acting on the author.
            if let author, o.kind != .person, o.canonical != author.canonical,
               let signature = RelationSignature.of(subject: .organization, object: o.kind) {
                out.append(RelationCandidate(subject: author, object: o, subjectIsAuthor: true, signature: signature,
                                             features: features.authorSubject(object: j, rules: frameRules(nil, o, subjectIsAuthor: true))))
                if o.kind == .organization {
                    out.append(RelationCandidate(subject: o, object: author, objectIsAuthor: true, signature: .organizationOrganization,
                                                 features: features.authorObject(subject: j, rules: frameRules(o, nil, objectIsAuthor: true))))
                }
            }
            // Two bodies, or a body and what it made or ran; a list of bodies (甲、乙和丙) is one subject,
            // weighed by its member nearest the object.
            for i in near(o.range.lowerBound) where i != j && mentions[i].kind == .organization && mentions[i].canonical != o.canonical {
                let a = mentions[i]
                guard let signature = RelationSignature.of(subject: a.kind, object: o.kind) else { continue }
                let list = listMembers[i]
                var followers: [Mention] = []
                if list.count > 1, !list.contains(j) {
                    let nearest = list.min { abs(mentions[$0].range.lowerBound - o.range.lowerBound) < abs(mentions[$1].range.lowerBound - o.range.lowerBound) }
                    guard nearest == i else { continue }
                    followers = list.filter { $0 != i && mentions[$0].canonical != o.canonical }.map { mentions[$0] }
                }
                out.append(RelationCandidate(subject: a, object: o, signature: signature,
                                             features: features.pair(subject: i, object: j, rules: frameRules(a, o)), followers: followers))
            }
        }
        // People and the bodies they hold posts in.
        for (p, person) in mentions.enumerated() where person.kind == .person {
            let posts = postsByPerson[person.range] ?? []
            var start = person.range.lowerBound
            while start > reading.range.lowerBound, s[start - 1] == " " || s[start - 1] == "\u{3000}" { start -= 1 }
            let before = titleEndingAt[start]
            let after = titleStartingAt[person.range.upperBound]
            let title = before ?? after
            // Every mention of a body is weighed, two naming one body too: which of them stands by
            // the person's title is what decides.
            // What competes with the author and the implied body for the post: a body written by the
            // title (村委会主任), or one earlier in the person's clause (村党支部书记甲、副书记乙).
            var rivals: [String] = []
            if let t = title, mentions.contains(where: { $0.kind == .organization && PersonFinder.bodyNames($0.range, titleAt: t.range.lowerBound, in: s) && $0.canonical != author?.canonical }) {
                rivals.append("body-by-title")
            }
            if posts.contains(where: { $0.organization.map { $0.rule != .organizationImpliedByPost && $0.canonical != author?.canonical } ?? false }) {
                rivals.append("rule-names-body")
            }
            rivals.append("clause-body-before=" + features.bodyBeforeInClause(person: p))
            var seen: Set<Range<Int>> = []
            func add(_ org: Mention, shape: String, index: Int?, isAuthor: Bool = false) {
                guard isAuthor || seen.insert(org.range).inserted else { return }
                let post = posts.first { $0.organization?.canonical == org.canonical }
                let role = post?.role ?? title.map { t in
                    if let index, PersonFinder.bodyNames(mentions[index].range, titleAt: t.range.lowerBound, in: s) { return doc.text(mentions[index].range.lowerBound..<t.range.upperBound) }
                    return doc.text(t.range)
                }
                let namedByTitle = index != nil && title.map { PersonFinder.bodyNames(mentions[index!].range, titleAt: $0.range.lowerBound, in: s) } == true && org.canonical != author?.canonical
                out.append(RelationCandidate(subject: person, object: org, objectIsAuthor: isAuthor, signature: .personOrganization, role: role,
                                             features: features.post(person: p, organization: index, shape: shape, title: title,
                                                                     titleBefore: before != nil, organizationName: org.canonical,
                                                                     byRule: post != nil, ruleElsewhere: post == nil && posts.contains { $0.organization != nil },
                                                                     rivals: index == nil ? rivals : []),
                                             title: title?.range, bodyNamedByTitle: namedByTitle))
            }
            for k in near(person.range.lowerBound) where mentions[k].kind == .organization {
                add(mentions[k], shape: "mention", index: k)
            }
            for post in posts {
                if let org = post.organization, org.rule == .organizationImpliedByPost { add(org, shape: "implied", index: nil) }
            }
            if let org = title.flatMap({ impliedOrganization($0.title, at: $0.range) }) { add(org, shape: "implied", index: nil) }
            // The author's post needs a title said of the person: a name alone (周立群出席会议) holds none.
            if let author, title != nil || posts.contains(where: { $0.organization != nil }) {
                add(author, shape: "author", index: nil, isAuthor: true)
            }
        }
        return out
    }

    /// The body a post title implies when none is written before it (市长 → the city's government).
    func impliedOrganization(_ title: ExtractionRules.PostTitle, at range: Range<Int>) -> Mention? {
        guard let ending = title.impliedEnding else { return nil }
        let rules = extractor.rules
        let place = title.impliedLevel == "*" ? context.ownPlace ?? "" : title.impliedLevel.flatMap { word in
            rules.levels[word].flatMap { context.place(forLevelWord: word, level: $0, rules: rules) }
        } ?? ""
        guard title.impliedLevel == nil || !place.isEmpty else { return nil }
        return Mention(kind: .organization, range: range, surface: title.title, canonical: place + ending, rule: .organizationImpliedByPost)
    }
}

/// The features of candidate pairs in one sentence: the words around and
/// between the ends, their classes, list structure, distances, the post
/// title, and which rules read the same relation.
struct CandidateFeatures {
    let units: SentenceUnits
    let text: [Unicode.Scalar]
    let mentions: [Mention]
    let keepNames: Bool
    let assistingWords: [String]
    let isTitle: Bool

    static func bucket(_ n: Int) -> String {
        switch n {
        case ..<0: return "0"
        case 0...2: return String(n)
        case 3...4: return "3-4"
        case 5...8: return "5-8"
        default: return "9+"
        }
    }

    /// The last one or two characters of a name without its brackets: the kind of body or text it is (局, 政府, 条例).
    func head(_ name: String, _ count: Int) -> String {
        var u = Array(name.unicodeScalars)
        while let last = u.last, "》”)）".unicodeScalars.contains(last) { u.removeLast() }
        if u.count >= 4, u.last == "案", u.dropLast().last == "草" { u.removeLast(4) }  // （草案）
        return String(scalars: u.suffix(count))
    }

    func forms(_ range: Range<Int>) -> [String] { range.map { units.units[$0].form } }

    static let joiners: Set<String> = ["、", "和", "及", "与", "以及"]

    /// Whether the mention at unit `u` is part of a list of its kind (、 和 及 between).
    func listPosition(_ u: Int) -> String {
        let kind = units.units[u].form
        let before = u >= 2 && Self.joiners.contains(units.units[u - 1].form) && units.units[u - 2].form == kind
        let after = u + 2 < units.units.count && Self.joiners.contains(units.units[u + 1].form) && units.units[u + 2].form == kind
        return before ? (after ? "middle" : "last") : (after ? "first" : "alone")
    }

    /// The units of the list of same-class mentions the one at unit `u` belongs to (itself alone if none).
    func list(around u: Int) -> ClosedRange<Int> {
        let kind = units.units[u].form
        var lo = u, hi = u
        while lo >= 2, Self.joiners.contains(units.units[lo - 1].form), units.units[lo - 2].form == kind { lo -= 2 }
        while hi + 2 < units.units.count, Self.joiners.contains(units.units[hi + 1].form), units.units[hi + 2].form == kind { hi += 2 }
        return lo...hi
    }

    /// A list's size and what stands before and after it: a list of bodies that act together
    /// (会同甲、乙) reads otherwise than one the text is addressed to (甲、乙:).
    func listFeatures(_ f: inout FeatureSet, _ shape: String, _ name: String, of u: Int) {
        let l = list(around: u)
        let size = (l.upperBound - l.lowerBound) / 2 + 1
        guard size > 1 else { return }
        f.add(shape + "|" + name + ".list-size", size > 4 ? "5+" : String(size))
        f.add(shape + "|" + name + ".list-before", l.lowerBound > 0 ? units.units[l.lowerBound - 1].form : "<start>")
        f.add(shape + "|" + name + ".list-after", l.upperBound + 1 < units.units.count ? units.units[l.upperBound + 1].form : "<end>")
    }

    func context(_ f: inout FeatureSet, _ shape: String, of u: Int, name: String, before: Int, after: Int) {
        let clause = units.units[u].clause
        for k in stride(from: 1, through: before, by: 1) {
            let v = u - k
            f.add(shape + "|" + name + ".w-" + String(k), v >= 0 ? (units.units[v].clause == clause ? units.units[v].form : "<clause>") : "<start>")
        }
        for k in stride(from: 1, through: after, by: 1) {
            let v = u + k
            f.add(shape + "|" + name + ".w+" + String(k), v < units.units.count ? (units.units[v].clause == clause ? units.units[v].form : "<clause>") : "<end>")
        }
    }

    func common(_ shape: String, rules: [String], keep: Bool) -> FeatureSet {
        var f = FeatureSet(keepingNames: keep)
        f.add("shape", shape)
        for r in rules { f.add(shape + "|rule", r) }
        if rules.isEmpty { f.add(shape + "|rule", "none") }
        if isTitle { f.add(shape + "|title-line") }
        f.add(shape + "|sentence-end", units.units.last?.form ?? "<none>")
        f.add(shape + "|sentence-verbs", Self.bucket(units.verbs.count))
        return f
    }

    /// The author acting on the mention: what stands before it in its clause says what it did.
    func authorSubject(object j: Int, rules: [String]) -> FeatureSet {
        let o = mentions[j]
        let shape = "A>" + SentenceUnits.placeholder(o.kind)
        var f = common(shape, rules: rules, keep: keepNames)
        let u = units.unitOfMention[j]
        context(&f, shape, of: u, name: "o", before: 3, after: 2)
        let clause = units.units[u].clause
        var k = u - 1, counted = 0
        while k >= 0, units.units[k].clause == clause, counted < 10 {
            if units.units[k].mention == nil {
                f.add(shape + "|o.clause-before", units.units[k].form)
                counted += 1
            }
            k -= 1
        }
        if units.bodiesBefore[u] > units.bodiesBefore[units.clauseStart[u]] { f.add(shape + "|org-before-in-clause") }
        if units.peopleBefore[u] > 0 { f.add(shape + "|person-before") }
        if clause == 0 { f.add(shape + "|first-clause") }
        let clauseStart = units.units.firstIndex { $0.clause == clause }.map { units.units[$0].range.lowerBound } ?? o.range.lowerBound
        let before = String(scalars: text[clauseStart..<o.range.lowerBound])
        if assistingWords.contains(where: { before.contains($0) }) { f.add(shape + "|assisting") }
        f.add(shape + "|list", listPosition(u))
        listFeatures(&f, shape, "o", of: u)
        f.add(shape + "|o.head", head(o.canonical, 2))
        f.add(shape + "|o.head1", head(o.canonical, 1))
        return f
    }

    /// A body acting on the author (在X领导下, X督促): what stands around it says how.
    func authorObject(subject i: Int, rules: [String]) -> FeatureSet {
        let a = mentions[i]
        let shape = "<ORG>>A"
        var f = common(shape, rules: rules, keep: keepNames)
        let u = units.unitOfMention[i]
        context(&f, shape, of: u, name: "s", before: 3, after: 3)
        let clause = units.units[u].clause
        var v = u + 1
        while v < units.units.count, units.units[v].clause == clause, v - u <= 8 {
            if units.units[v].mention == nil { f.add(shape + "|s.clause-after", units.units[v].form) }
            v += 1
        }
        f.add(shape + "|list", listPosition(u))
        listFeatures(&f, shape, "s", of: u)
        f.add(shape + "|s.head", head(a.canonical, 2))
        f.add(shape + "|s.head1", head(a.canonical, 1))
        return f
    }

    /// Two mentions of the sentence: their order, distance, and the words between.
    func pair(subject i: Int, object j: Int, rules: [String]) -> FeatureSet {
        let a = mentions[i], o = mentions[j]
        let ua = units.unitOfMention[i], uo = units.unitOfMention[j]
        let forward = ua < uo
        let shape = SentenceUnits.placeholder(a.kind) + (forward ? ">" : "<") + SentenceUnits.placeholder(o.kind)
        var f = common(shape, rules: rules, keep: keepNames)
        let lo = min(ua, uo), hi = max(ua, uo)
        f.add(shape + "|distance", Self.bucket(hi - lo - 1))
        f.add(shape + "|clauses", units.units[lo].clause == units.units[hi].clause ? "same" : "apart")
        let between = (lo + 1)..<hi
        var mentionsBetween = 0
        for (n, v) in between.enumerated() {
            let unit = units.units[v]
            if unit.mention != nil { mentionsBetween += 1 }
            if n < 4 || hi - v <= 4 { f.add(shape + "|between", unit.form) }
        }
        f.add(shape + "|mentions-between", Self.bucket(mentionsBetween))
        if !between.isEmpty {
            f.add(shape + "|between.first", units.units[lo + 1].form)
            f.add(shape + "|between.last", units.units[hi - 1].form)
        } else {
            f.add(shape + "|adjacent")
        }
        context(&f, shape, of: lo, name: "first", before: 2, after: 0)
        context(&f, shape, of: hi, name: "last", before: 0, after: 2)
        f.add(shape + "|o.list", listPosition(uo))
        if list(around: ua).contains(uo) { f.add(shape + "|same-list") }
        listFeatures(&f, shape, "o", of: uo)
        listFeatures(&f, shape, "s", of: ua)
        f.add(shape + "|s.head", head(a.canonical, 2))
        f.add(shape + "|o.head", head(o.canonical, 2))
        f.add(shape + "|o.head1", head(o.canonical, 1))
        return f
    }

    /// How many people stand between the person at mention `p` and the nearest body before it in its
    /// clause ("none" when no body does).
    func bodyBeforeInClause(person p: Int) -> String {
        let up = units.unitOfMention[p]
        let clause = units.units[up].clause
        var people = 0
        var v = up - 1
        while v >= 0, units.units[v].clause == clause {
            if units.units[v].form == "<ORG>" { return Self.bucket(people) }
            if units.units[v].form == "<PER>" { people += 1 }
            v -= 1
        }
        return "none"
    }

    /// A person and a body: the post title by the name, where the body stands, what lies between.
    func post(person p: Int, organization k: Int?, shape: String, title: (range: Range<Int>, title: ExtractionRules.PostTitle)?,
              titleBefore: Bool, organizationName: String, byRule: Bool, ruleElsewhere: Bool, rivals: [String]) -> FeatureSet {
        let shapeName = "P:" + shape
        var f = FeatureSet(keepingNames: keepNames)
        f.add("shape", shapeName)
        for r in rivals { f.add(shapeName + "|rival", r) }
        if byRule { f.add(shapeName + "|rule", "post") }
        if ruleElsewhere { f.add(shapeName + "|rule", "post-elsewhere") }
        if !byRule && !ruleElsewhere { f.add(shapeName + "|rule", "none") }
        let up = units.unitOfMention[p]
        let headName = head(organizationName, 1)
        f.add(shapeName + "|o.head", head(organizationName, 2))
        f.add(shapeName + "|o.head1", headName)
        if let title {
            let t = title.title.title
            f.add(shapeName + "|title", t)
            f.add(shapeName + "|title-side", titleBefore ? "before" : "after")
            f.add(shapeName + "|title&o.head1", t + "&" + headName)
            if t.contains(headName) { f.add(shapeName + "|title-names-head") }
            if let ending = title.title.impliedEnding { f.add(shapeName + "|title-implies", ending) }
        } else {
            f.add(shapeName + "|no-title")
        }
        context(&f, shapeName, of: up, name: "p", before: 2, after: 2)
        if let k {
            let uo = units.unitOfMention[k]
            let forward = uo < up
            f.add(shapeName + "|side", forward ? "before" : "after")
            let lo = min(uo, up), hi = max(uo, up)
            var people = 0, bodies = 0
            for (n, v) in ((lo + 1)..<hi).enumerated() {
                let unit = units.units[v]
                if unit.form == "<PER>" { people += 1 }
                if unit.form == "<ORG>" { bodies += 1 }
                if n < 3 || hi - v <= 3 { f.add(shapeName + "|between", unit.form) }
            }
            f.add(shapeName + "|distance", Self.bucket(hi - lo - 1))
            f.add(shapeName + "|people-between", Self.bucket(people))
            f.add(shapeName + "|bodies-between", Self.bucket(bodies))
            f.add(shapeName + "|clauses", units.units[lo].clause == units.units[hi].clause ? "same" : "apart")
            if let title, PersonFinder.bodyNames(mentions[k].range, titleAt: title.range.lowerBound, in: text) { f.add(shapeName + "|body-title-adjacent") }
            if hi == lo + 1 { f.add(shapeName + "|adjacent") }
            if forward && bodies == 0 { f.add(shapeName + "|nearest-body-before") }
            if !forward && bodies == 0 { f.add(shapeName + "|nearest-body-after") }
        } else {
            var bodies = 0
            for unit in units.units where unit.form == "<ORG>" { bodies += 1 }
            f.add(shapeName + "|bodies-in-sentence", Self.bucket(bodies))
        }
        return f
    }
}
