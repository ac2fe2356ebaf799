extension PersonFinder {
    /// The dots that join the parts of a transliterated name (阿卜杜·热合曼, 买买提•吐尔逊, 古丽・艾力).
    static let nameDots = Set("·•‧・".unicodeScalars)
    /// The longest part of a transliterated name, and the most parts read.
    static let longestNamePart = 6
    static let mostNameParts = 4

    /// A transliterated name starting at `i`: parts of Han characters joined by a middle dot in any of
    /// its forms. The last part ends where the tagger's name ends, else at a function word or a
    /// character that begins the verb after a name (出席, 主持), and has four characters at most.
    func dottedName(startingAt i: Int, limit: Int) -> Range<Int>? {
        var k = i
        var parts = 0
        while parts < Self.mostNameParts {
            let partStart = k
            while k < limit, k - partStart < Self.longestNamePart, isHan(scalars[k]), !index.nameStops.contains(scalars[k]) { k += 1 }
            guard k > partStart else { return nil }
            parts += 1
            guard k + 1 < limit, Self.nameDots.contains(scalars[k]), isHan(scalars[k + 1]) else { break }
            k += 1
        }
        guard parts >= 2 else { return nil }
        // The last part: cut where the tagger's name ends, else before a character that begins a verb.
        var lastStart = k
        while lastStart > i, !Self.nameDots.contains(scalars[lastStart - 1]) { lastStart -= 1 }
        if let tagged = (lastStart..<k).lazy.compactMap({ self.tagged.personsByEnd[$0 + 1] }).first(where: { $0.range.upperBound <= k }),
           tagged.range.upperBound > lastStart {
            return i..<tagged.range.upperBound
        }
        var end = lastStart
        while end < k, end - lastStart < 4, end == lastStart || !index.nameEnds.contains(scalars[end]) { end += 1 }
        return i..<end
    }

    /// The whole transliterated name around a span of the tagger's that holds one part of it.
    func dottedName(around span: Range<Int>, in sentence: Range<Int>) -> Range<Int>? {
        var start = span.lowerBound
        // Back over earlier parts: Han characters, a dot, Han characters …
        while start - 2 >= sentence.lowerBound, Self.nameDots.contains(scalars[start - 1]), isHan(scalars[start - 2]) {
            var k = start - 1
            while k > sentence.lowerBound, start - 1 - k < Self.longestNamePart, isHan(scalars[k - 1]), !index.nameStops.contains(scalars[k - 1]) { k -= 1 }
            start = k
        }
        guard let r = dottedName(startingAt: start, limit: sentence.upperBound), r.upperBound >= span.upperBound else { return nil }
        return r
    }

    /// An item of a list of names whose surname the lexicon does not know (苻明秀, 过春林 after
    /// 副主任郑星宇、): two or three Han characters, none a function word, that are not a post or a body.
    func listItem(startingAt i: Int, limit: Int) -> Range<Int>? {
        for length in [3, 2] where i + length <= limit {
            let r = i..<(i + length)
            guard r.allSatisfy({ isHan(scalars[$0]) && !index.nameStops.contains(scalars[$0]) }),
                  i + length == limit || Self.separators.contains(scalars[i + length]),
                  !endsLikeABody(r), !tagged.deniesName(r, surname: 1) else { continue }
            return r
        }
        return nil
    }

    /// Whether `r` ends in a body's head word (文物局, 权益部, 管理组) or a settlement word (明城镇), or
    /// names a place (甘肃省 before 副省长): what stands before a post title so ends no name.
    func endsLikeABody(_ r: Range<Int>) -> Bool {
        organizations.place(endingAt: r.upperBound).map { $0.0 <= r.lowerBound } == true
            || index.organizationHeads.longest(endingAt: r.upperBound, in: scalars, lowerBound: r.lowerBound + 1) != nil
            || index.localLevels.contains { LexiconIndex.word($0.word, endsAt: r.upperBound, in: scalars, lowerBound: r.lowerBound + 1) }
    }
}

extension PersonFinder {
    /// The body whose party group (or party committee) `body` is, when `title` is no party post: 局长
    /// after 市城管局党组书记 is a post of 市城管局. Party posts are those with 书记, 成员 or 委员 in them.
    func partyGroupParent(of body: Mention, for title: ExtractionRules.PostTitle) -> Mention? {
        guard let parent = body.parent.first,
              rules.institutionBodies.contains(where: { body.canonical.hasSuffix($0) }),
              !["书记", "成员", "委员"].contains(where: { title.title.contains($0) }) else { return nil }
        return parent
    }
}

extension PersonFinder {
    /// The innermost of the document's places that has a body with `ending` (政协委员 in a town's report is
    /// a member of the county's 政协: a town has none).
    func ownPlace(withBody ending: String, _ context: DocumentContext) -> String? {
        context.chain.first { place in
            guard let local = organizations.local.places[place] else { return true }
            return rules.localBodies[local.level]?.contains(ending) == true
        }
    }
}

extension PersonFinder {
    /// The bodies listed with 、 (or 和, 及) right before `body`, which a post written after the last of them
    /// is in too (lists distribute).
    func bodiesListed(before body: Mention?, among mentions: [Mention]) -> [Mention] {
        guard var k = body?.range.lowerBound else { return [] }
        var out: [Mention] = []
        while k > 1, "、和及".unicodeScalars.contains(scalars[k - 1]), let m = mentions.last(where: { $0.range.upperBound == k - 1 }) {
            out.insert(m, at: 0)
            k = m.range.lowerBound
        }
        return out
    }
}

extension PersonFinder {
    /// Right after a post title, the tagger's name even where the lexicon does not know its surname and
    /// the tagger is not sure enough to stand on its word alone (常务副主席怀远航): the post says a name
    /// stands there.
    func nameAfterPost(at i: Int, limit: Int) -> Range<Int>? {
        guard let span = tagged.personsByStart[i], span.range.upperBound <= limit, span.score >= minimumNameScore,
              (2...3).contains(span.range.count), span.range.allSatisfy({ isHan(scalars[$0]) && !index.nameStops.contains(scalars[$0]) }),
              !endsLikeABody(span.range) else { return nil }
        return span.range
    }
}

extension PersonFinder {
    /// Whether what follows a post title at `end` is what follows a person's name and post: a mark, the
    /// end, a function word, or a verb (出席, 指出: name-end-characters.txt, clause-verbs.txt). The rules
    /// alone read a two-character name before a post only so (展示委员风采 has none).
    func endsAClause(at end: Int) -> Bool {
        guard end < scalars.count, isHan(scalars[end]) else { return true }
        if index.nameStops.contains(scalars[end]) || index.nameEnds.contains(scalars[end]) { return true }
        return (end + 2...min(scalars.count, end + 4)).contains { index.clauseVerbs.longest(endingAt: $0, in: scalars, lowerBound: end)?.start == end }
    }
}

extension PersonFinder {
    /// For a post title that begins with a body's party organisation (党组副书记, 党委书记), the party group of
    /// `body` (or of the body `body`'s group belongs to) that the post is in, when `body` is not it already.
    func partyGroup(of body: Mention, for title: ExtractionRules.PostTitle, at range: Range<Int>) -> Mention? {
        guard let group = rules.institutionBodies.filter({ title.title.hasPrefix($0) }).max(by: { $0.count < $1.count }),
              !body.canonical.hasSuffix(group) else { return nil }
        let base = rules.institutionBodies.contains(where: { body.canonical.hasSuffix($0) }) ? body.parent.first ?? body : body
        var m = Mention(kind: .organization, range: range, surface: base.canonical + group, canonical: base.canonical + group,
                        rule: .organizationPartyGroupOfPost)
        m.parent = [base]
        return m
    }
}

extension PersonFinder {
    /// Whether only spaces stand between the start of the line (or of the sentence) and `i`.
    func rosterLineStart(before i: Int, lowerBound: Int) -> Bool {
        var k = i
        while k > lowerBound, scalars[k - 1] == " " { k -= 1 }
        return k == lowerBound || scalars[k - 1] == "\n"
    }

    /// A roster's line (组长:王明 县委常委, 李 强 县财政局局长): the name that begins the line, or
    /// follows the line's label and a colon, and stands apart from the post after it by a space. Two-character
    /// names padded to three (周 兴) are read whole.
    func rosterName(before start: Int, lowerBound: Int) -> Range<Int>? {
        var end = start
        while end > lowerBound, scalars[end - 1] == " " { end -= 1 }
        guard end < start, end > lowerBound else { return nil }
        // Where the name begins: the line's start, or after a label's colon.
        var begin = end
        while begin > lowerBound, scalars[begin - 1] != ":", scalars[begin - 1] != "\n", end - begin < 5 { begin -= 1 }
        guard begin == lowerBound || scalars[begin - 1] == ":" || scalars[begin - 1] == "\n" else { return nil }
        if begin > lowerBound, scalars[begin - 1] == ":" {
            // The label is the line's first word: 组长:, 成员:.
            var k = begin - 1
            while k > lowerBound, scalars[k - 1] != "\n", begin - k < 6 { k -= 1 }
            guard k == lowerBound || scalars[k - 1] == "\n", scalars[k..<(begin - 1)].allSatisfy({ isHan($0) || $0 == " " }) else { return nil }
        }
        let r = begin..<end
        let han = r.filter { isHan(scalars[$0]) }
        guard (2...4).contains(han.count), r.allSatisfy({ isHan(scalars[$0]) || (scalars[$0] == " " && han.count == 2) }),
              let surnameLength = surname(at: r.lowerBound), surnameLength < han.count,
              // Bounded by the line's structure, a name may hold a stop that names also end with (吴和平).
              !han.contains(where: { index.nameStops.contains(scalars[$0]) && !index.nameStopsEndingNames.contains(scalars[$0]) }),
              !endsLikeABody(r) else { return nil }
        return r
    }
}
