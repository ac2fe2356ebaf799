/// Finds people by a post title next to a name (市委书记王明, 陈立市长),
/// and the organization the post belongs to (written before the title, or
/// implied by it: 市长 → the city government).
struct PersonFinder {
    /// The organization finder over the same text: its rules, index and text serve here too.
    let organizations: OrganizationFinder
    /// The tagger's names, which bound a name next to a post better than a surname and a length do
    /// (王明代表 is 王明, not 王明代).
    var tagged = TaggerReading()
    var rules: ExtractionRules { organizations.rules }
    var index: LexiconIndex { organizations.index }
    var scalars: [Unicode.Scalar] { organizations.scalars }

    func title(at i: Int) -> ExtractionRules.PostTitle? { organizations.postTitle(at: i) }

    /// A person mention with the post it shows.
    struct Post {
        var person: Mention
        var organization: Mention?
        var role: String
    }

    func isHan(_ u: Unicode.Scalar) -> Bool { Self.isHan(u) }

    /// Whether the body written at `body` names the post whose title starts at `title`: right before
    /// it, or with 原 ("former") between (市人大常委会原副主任).
    static func bodyNames(_ body: Range<Int>, titleAt title: Int, in text: [Unicode.Scalar]) -> Bool {
        body.upperBound == title || (body.upperBound == title - 1 && text[body.upperBound] == "原")
    }

    static func isHan(_ u: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(u.value) || (0x3400...0x4DBF).contains(u.value)
    }

    /// The surname starting at `i` (compound surnames first), if any.
    func surname(at i: Int) -> Int? {
        guard i < scalars.count else { return nil }
        if i + 2 <= scalars.count, index.compoundSurnameStarts.contains(scalars[i]),
           index.compoundSurnames.contains(LexiconIndex.pair(scalars[i], scalars[i + 1])) { return 2 }
        return index.singleSurnames.contains(scalars[i]) ? 1 : nil
    }

    /// A full name starting at `i`: surname and one or two given characters.
    func name(startingAt i: Int, limit: Int) -> Range<Int>? {
        // 阿卜杜·热合曼: a transliterated name is read whole, dots and all.
        if let dotted = dottedName(startingAt: i, limit: limit) { return dotted }
        if let span = taggedName(startingAt: i, limit: limit) {
            // 王明一): the tagger stopped a character short of a separator; the rules read three.
            let end = span.upperBound
            if span.count == 2, end < limit, isHan(scalars[end]), !index.nameStops.contains(scalars[end]), tagged.personsByStart[end] == nil,
               end + 1 == limit || Self.separators.contains(scalars[end + 1]) {
                return i..<(end + 1)
            }
            // 赵文 where the document always writes 赵文生.
            if span.count == 2, let whole = alwaysWrittenOn(span), whole.upperBound <= limit { return whole }
            return span
        }
        guard let r = ruleName(startingAt: i, limit: limit), !tagged.deniesName(r, surname: surname(at: i) ?? 1) else { return nil }
        return r
    }

    /// Marks that end an item of a list of names.
    static let separators = Set("、,，;；。)）".unicodeScalars)

    /// A name where a list's structure says one stands (after a post title, between 、): the rules'
    /// reading even where the tagger took the surname for a word (向 as a preposition, 曾 as an
    /// adverb), as long as a separator follows it.
    /// In a list (after a 、, `afterMark`, or before one) an item of two or three characters is a name even
    /// when the lexicon does not know its surname (副主任郑星宇、苻明秀; 组长袭建林、).
    func listedName(startingAt i: Int, limit: Int, afterMark: Bool = false) -> Range<Int>? {
        // 党委副书记 after a name and 、 is a second post, not a second name.
        if title(at: i) != nil { return nil }
        if let r = name(startingAt: i, limit: limit) { return r }
        // The first item is such a name only where a 、 after it says a list begins (组长袭建林、), and the
        // tagger's reading of it can rule it out (职务、 after 局长 is a word).
        let item = listItem(startingAt: i, limit: limit).flatMap { r in
            afterMark || (!tagged.labelAt.isEmpty && r.upperBound < limit && scalars[r.upperBound] == "、") ? r : nil
        }
        guard let r = ruleName(startingAt: i, limit: limit) ?? item,
              r.upperBound == limit || Self.separators.contains(scalars[r.upperBound])
        else { return nil }
        return r
    }

    /// A surname and one or two given characters, by the lexicons alone.
    func ruleName(startingAt i: Int, limit: Int) -> Range<Int>? {
        guard let s = surname(at: i) else { return nil }
        // A two-character name is often written with a space or two: 王 明, 杜  林.
        var spaced = i + s
        while spaced < limit, spaced < i + s + 2, scalars[spaced] == " " || scalars[spaced] == "\u{3000}" { spaced += 1 }
        if spaced > i + s, spaced + 1 <= limit, isHan(scalars[spaced]), spaced + 1 == limit || !isHan(scalars[spaced + 1]) {
            return i..<(spaced + 1)
        }
        var end = i + s
        // 应出席: a verb (clause-verbs.txt, two characters or more) begins no given name.
        if let verb = index.clauseVerbs.longest(endingAt: min(limit, i + s + 2), in: scalars, minimumLength: 2, lowerBound: i + s),
           verb.start == i + s { return nil }
        for k in 0..<2 {
            guard end < limit, isHan(scalars[end]) else { break }
            // 团主席: a post title begins no given name.
            if let t = title(at: end), t.title.unicodeScalars.count >= 2 { break }
            // 吴德和、: a function word that names also end with is the name's last character where a
            // separator follows it.
            let closesName = end + 1 >= scalars.count || Self.separators.contains(scalars[end + 1])
            guard !index.nameStops.contains(scalars[end]) || (end > i + s && closesName && index.nameStopsEndingNames.contains(scalars[end]))
            else { break }
            if k == 1 && index.nameEnds.contains(scalars[end]) && !closesName { break }
            end += 1
        }
        // A surname that is also a function word (和, 于) starts a name only where a separator ends it
        // (于明华, but not 和街道工委).
        if index.nameStops.contains(scalars[i]), end < limit, !Self.separators.contains(scalars[end]) { return nil }
        return end - i > s ? i..<end : nil
    }

    func text(_ r: Range<Int>) -> String { organizations.text(r) }

    /// The tagger's name starting at `i`, when it looks like a name: two to four Han characters,
    /// led by a known surname unless the tagger is sure, and not a span it hesitated over.
    func taggedName(startingAt i: Int, limit: Int) -> Range<Int>? {
        guard let span = tagged.personsByStart[i], span.range.upperBound <= limit, acceptable(span) else { return nil }
        return span.range
    }

    /// The tagger's name ending at `end`, on the same terms.
    func taggedName(endingAt end: Int, lowerBound: Int) -> Range<Int>? {
        guard let span = tagged.personsByEnd[end], span.range.lowerBound >= lowerBound, acceptable(span) else { return nil }
        return span.range
    }

    func acceptable(_ span: TaggerReading.Span) -> Bool {
        let han = scalars[span.range].filter { $0 != " " && $0 != "\u{3000}" }
        guard (2...4).contains(han.count), han.allSatisfy(isHan), span.score >= minimumNameScore else { return false }
        return surname(at: span.range.lowerBound) != nil || span.score >= sureNameScore
    }

    /// Below this the tagger's name boundaries are guesses (韩立 for 韩立新): `tagger.name.minimum-score`.
    var minimumNameScore: Float { Float(rules.policy.taggerNameMinimumScore) }
    /// At or above this a name needs no known surname (苻, 逄): `tagger.name.sure-score`.
    var sureNameScore: Float { Float(rules.policy.taggerNameSureScore) }

    /// Names listed before `end` and a count (王甲、李乙等10名政协委员): the names, if the tagger found them.
    func namesCounted(before end: Int, lowerBound: Int) -> [Range<Int>] {
        var k = end
        if k > lowerBound, "名位人".unicodeScalars.contains(scalars[k - 1]) { k -= 1 }
        while k > lowerBound, scalars[k - 1].properties.numericType != nil || "一二三四五六七八九十百".unicodeScalars.contains(scalars[k - 1]) { k -= 1 }
        guard k > lowerBound, scalars[k - 1] == "等" else { return [] }
        k -= 1
        var names: [Range<Int>] = []
        while let r = taggedName(endingAt: k, lowerBound: lowerBound) {
            names.insert(r, at: 0)
            guard r.lowerBound > lowerBound, scalars[r.lowerBound - 1] == "、" else { break }
            k = r.lowerBound - 1
        }
        return names
    }

    /// The people appointed in `X为ORG…`, `X任ORG…`, `X同志当选为ORG…` or `甲、乙为副主任`: the names ending
    /// just before the verb that ends at `start`, and those listed before them with 、.
    func appointees(before start: Int, lowerBound: Int) -> [Range<Int>] {
        // The verb (lexicons/appointment-words.tsv: 为, 任, 当选为, 担任) ending at `start`, and a word such as
        // 同志 between it and the name.
        guard let verb = index.appointmentVerbs.first(where: { LexiconIndex.word($0, endsAt: start, in: scalars, lowerBound: lowerBound + 1) })
        else { return [] }
        var j = start - verb.count
        if let after = index.appointmentAfterNames.first(where: { LexiconIndex.word($0, endsAt: j, in: scalars, lowerBound: lowerBound + 1) }) {
            j -= after.count
        }
        // (the names end where the verb, or the word after the name, begins)
        guard j > lowerBound else { return [] }
        /// A name ending at `end`: the tagger's, else the rules' of three or two characters that a list,
        /// punctuation or 任命/选举 stands before.
        func name(endingAt end: Int) -> Range<Int>? {
            if let r = taggedName(endingAt: end, lowerBound: lowerBound) { return r }
            for length in [3, 2] where end - length >= lowerBound {
                let r = (end - length)..<end
                let before = r.lowerBound == lowerBound ? " " : scalars[r.lowerBound - 1]
                guard !isHan(before) || before == "命" || before == "举" || before == "选", surname(at: r.lowerBound) != nil,
                      !tagged.deniesName(r, surname: surname(at: r.lowerBound) ?? 1), !endsLikeABody(r),
                      ruleName(startingAt: r.lowerBound, limit: end)?.upperBound == end else { continue }
                return r
            }
            return nil
        }
        var names: [Range<Int>] = []
        var end = j
        while let r = name(endingAt: end) {
            names.insert(r, at: 0)
            guard r.lowerBound > lowerBound + 1, scalars[r.lowerBound - 1] == "、" else { break }
            end = r.lowerBound - 1
        }
        return names
    }

    /// Posts in `range`, given the organization mentions already found there.
    func find(in range: Range<Int>, organizationMentions: [Mention], context: DocumentContext) -> [Post] {
        var out: [Post] = []
        // Posts listed before a name (市委书记、市人大常委会主任王明): each joins the person named after the last.
        var pending: [(organization: Mention?, role: String)] = []
        var pendingEnd = -1
        var lastPost: (organization: Mention?, end: Int)?
        /// The name written before its title (唐晓梅 县委常委), and where that title ends: a post listed
        /// right after it (、县人民政府副县长) is the same person's.
        var nameBeforeTitle: (name: Range<Int>, titleEnd: Int)?
        var i = range.lowerBound
        func insideOrganization(_ r: Range<Int>) -> Bool { organizationMentions.contains { $0.range.overlaps(r) } }
        while i < range.upperBound {
            guard let title = self.title(at: i) else { i += 1; continue }
            // 文史委员会, 主席团: a title that begins a body's ending is none (委员 of 委员会).
            let titleLength = title.title.unicodeScalars.count
            if (1...4).contains(where: { index.subBodyEndings.longest(endingAt: min(scalars.count, i + titleLength + $0), in: scalars, lowerBound: i)?.start == i
                                         && i + titleLength + $0 <= scalars.count }) {
                i += 1
                continue
            }
            let end = i + title.title.unicodeScalars.count
            guard end <= range.upperBound else { break }
            // A title that overlaps a body's name (党委书记 over 镇党委) is read again after the name (书记).
            if let inside = organizationMentions.first(where: { $0.range.overlaps(i..<end) }) {
                i = max(i + 1, inside.range.upperBound)
                continue
            }
            let orgBefore = organizationMentions.last { Self.bodyNames($0.range, titleAt: i, in: scalars) }
            let start = orgBefore?.range.lowerBound ?? i
            // 县委常委、宣传部长: a department of the body before whose name the title shares a character with
            // (宣传部 + 部长) keeps the list going.
            let department = pendingEnd >= 0 && start > pendingEnd + 1 && start - pendingEnd <= 8
                && index.subBodyEndings.longest(endingAt: start + 1, in: scalars, lowerBound: pendingEnd + 1)?.start == pendingEnd + 1
            if !(pendingEnd >= 0 && (start == pendingEnd + 1 || department) && scalars[pendingEnd] == "、") { pending.removeAll() }
            var organization = orgBefore
            if organization == nil, var ending = title.impliedEnding {
                if let named = title.impliedAlternatives.first(where: context.nationalBodies.contains) { ending = named }
                let place = title.impliedLevel == "*" ? ownPlace(withBody: ending, context) ?? "" : title.impliedLevel.flatMap { word in
                    rules.levels[word].flatMap { context.place(forLevelWord: word, level: $0, rules: rules) }
                } ?? ""
                if title.impliedLevel == nil || !place.isEmpty {
                    organization = Mention(kind: .organization, range: i..<end, surface: title.title, canonical: place + ending,
                                           rule: .organizationImpliedByPost)
                }
            }
            // A post listed right after another one's name shares its body: 市政协主席王甲、副主席李乙, 秘书长丙.
            if organization == nil, title.impliedEnding == nil, let last = lastPost, last.end < start, start - last.end <= 2,
               scalars[last.end..<start].allSatisfy({ "、, ".unicodeScalars.contains($0) }) {
                organization = last.organization.map { partyGroupParent(of: $0, for: title) ?? $0 }
            }
            // A post listed right after another post of the same person (市城管局党组书记、局长) shares its body,
            // or, after a post of a body's party group, is a post of that body (局长 of the 局).
            if organization == nil, title.impliedEnding == nil, let last = pending.last?.organization {
                organization = partyGroupParent(of: last, for: title) ?? last
            }
            // 党组副书记 after a post of 叶县政协: that body's party group.
            if orgBefore == nil, let base = organization, base.rule != .organizationImpliedByPost, range.contains(base.range.lowerBound),
               let group = partyGroup(of: base, for: title, at: i..<end) {
                organization = group
            }
            // A post with no body written or implied (副主任, 秘书长) is a post of the author's body.
            if organization == nil, title.impliedEnding == nil, let author = context.author { organization = author }
            let role = text(start..<end)  // as written: 市委书记, 市人大常委会副主任
            // The name after the title (spaces allowed), else before it when no organization is written there.
            var k = end
            while k < range.upperBound && (scalars[k] == " " || scalars[k] == "\u{3000}") { k += 1 }
            // A roster's label: 副组长:王明.
            if k < range.upperBound, scalars[k] == ":", orgBefore == nil, rosterLineStart(before: start, lowerBound: range.lowerBound) { k += 1 }
            var names: [Range<Int>] = []
            if let r = listedName(startingAt: k, limit: range.upperBound) ?? nameAfterPost(at: k, limit: range.upperBound) {
                names.append(r)
                // More names listed after the first share the post: 副主任陈甲、李乙.
                var next = r.upperBound
                while next + 1 < range.upperBound, scalars[next] == "、", let more = listedName(startingAt: next + 1, limit: range.upperBound, afterMark: true),
                      more.upperBound == range.upperBound || !isHan(scalars[more.upperBound]) || self.title(at: more.upperBound) != nil
                      || taggedName(startingAt: next + 1, limit: range.upperBound) == more
                      // …、唐晓梅率执法检查组: a verb's first character ends the list.
                      || index.nameEnds.contains(scalars[more.upperBound]) || index.nameStops.contains(scalars[more.upperBound]) {
                    names.append(more)
                    next = more.upperBound
                }
            } else if orgBefore == nil, !organizationMentions.contains(where: { $0.range.lowerBound == end }),
                      let r = taggedName(endingAt: i, lowerBound: range.lowerBound), !insideOrganization(r) {
                // (孙家明代表省委: a title with a body right after it is a verb, 代表 "on behalf of")
                names.append(r)
            } else if case let appointed = appointees(before: start, lowerBound: range.lowerBound), !appointed.isEmpty {
                // 任命王明为市人大常委会副主任, 王明任市民政局局长, 甲、乙为副主任.
                names = appointed
            } else if case let counted = namesCounted(before: start, lowerBound: range.lowerBound), !counted.isEmpty {
                names = counted
            } else if let r = rosterName(before: start, lowerBound: range.lowerBound) {
                // A roster's line: 成员:王明 县财政局局长.
                names.append(r)
            } else if orgBefore == nil, !organizationMentions.contains(where: { $0.range.lowerBound == end }) {
                for length in [3, 2] where i - length >= range.lowerBound {
                    let r = (i - length)..<i
                    // A name before its title starts the clause or follows punctuation, unless it has three characters.
                    let boundary = r.lowerBound == range.lowerBound || !isHan(scalars[r.lowerBound - 1]) || length == 3
                    // 主任接待: a name never starts inside a post title (任 of 主任).
                    let insideTitle = r.lowerBound > range.lowerBound && self.title(at: r.lowerBound - 1).map { $0.title.unicodeScalars.count >= 2 } == true
                    if boundary, !insideTitle, let surnameLength = surname(at: r.lowerBound), !index.nameStops.contains(scalars[r.lowerBound]),
                       !tagged.deniesName(r, surname: surnameLength), r.allSatisfy({ isHan(scalars[$0]) }), !insideOrganization(r),
                       !endsLikeABody(r), length == 3 || !tagged.labelAt.isEmpty || endsAClause(at: end),
                       name(startingAt: r.lowerBound, limit: i)?.upperBound == i {
                        names.append(r)
                        break
                    }
                }
            }
            if names.isEmpty, let before = nameBeforeTitle, start == before.titleEnd + 1, scalars[before.titleEnd] == "、" {
                names.append(before.name)
            }
            guard !names.isEmpty else {
                if end < range.upperBound, scalars[end] == "、" {
                    pending.append((organization, role))
                    pendingEnd = end
                } else {
                    pending.removeAll()
                }
                i = end
                continue
            }
            for r in names {
                let full = text(r).filter { $0 != " " && $0 != "\u{3000}" }
                let person = Mention(kind: .person, range: r, surface: full, canonical: full,
                                     aliases: [full + title.title], rule: .personPostTitle,
                                     taggerScore: tagged.personsByStart[r.lowerBound].flatMap { $0.range == r ? $0.score : nil })
                out.append(Post(person: person, organization: organization, role: role))
                // 市扶贫办、市供销社主任王明: the post is in every body listed before it.
                for body in bodiesListed(before: orgBefore, among: organizationMentions) {
                    out.append(Post(person: person, organization: body, role: body.surface + title.title))
                }
                for p in pending { out.append(Post(person: person, organization: p.organization, role: p.role)) }
            }
            pending.removeAll()
            nameBeforeTitle = names.count == 1 && names[0].upperBound <= start ? (names[0], end) : nil
            lastPost = (organization, names[names.count - 1].upperBound)
            i = max(names[names.count - 1].upperBound, end)
        }
        return out
    }
}
