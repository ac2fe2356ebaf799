extension OrganizationFinder {
    /// Characters that never stand inside a committee's name between its body and its ending.
    static let subBodyStops = Set("的了在是对把被将向从于为其及等和各、，,。；;：:“”《》()（） 0123456789".unicodeScalars)

    /// The committee, office or presidium of `body` named right after it, up to `limit`: the body's
    /// name, a few words (财政经济工作, 法制, 环资) and an ending of `lexicons/sub-body-endings.txt`.
    func subBody(of body: Mention, limit: Int) -> Mention? {
        let start = body.range.upperBound
        var k = start
        let maximum = min(limit, start + Self.subBodyLongest)
        var best: Int?
        while k < maximum, !Self.subBodyStops.contains(scalars[k]), PersonFinder.isHan(scalars[k]) {
            k += 1
            guard let ending = index.subBodyEndings.longest(endingAt: k, in: scalars, lowerBound: start) else { continue }
            let middle = ending.start - start
            if let longest = rules.subBodyLongestMiddle[ending.value], middle > longest { continue }
            // 支队长, 宣传部长: the ending's last character begins a post title.
            if postTitle(at: k - 1).map({ $0.title.unicodeScalars.count >= 2 }) == true { continue }
            // 委员 is a member, not a committee; a bare 委 ends an abbreviation of two words (环资委, 法制委),
            // another ending of one character two to four (人事科, 权益部, 基础教育司).
            if k < scalars.count, scalars[k] == "员" { continue }
            if ending.value.unicodeScalars.count == 1 {
                if ending.value == "委" ? middle != 2 : !(2...4).contains(middle) { continue }
                // 工作大局, 有关部门: a word that only ends like one.
                if index.notDepartments.longest(endingAt: k, in: scalars, minimumLength: 2) != nil { continue }
                // …召开部务会议: it ends the name only where a mark, a list's joiner or a post title follows.
                if k < scalars.count, PersonFinder.isHan(scalars[k]), !Extractor.isListJoiner(scalars[k]),
                   postTitle(at: k) == nil { continue }
            }
            if k < scalars.count, index.bodyContinuations.contains(LexiconIndex.pair(scalars[k - 1], scalars[k])) { continue }
            best = k
        }
        // 宪法和法律委员会: a special committee's name is read whole, conjunction and all.
        if let committee = index.specialCommittees.first(where: { start + $0.count <= limit && matches($0, at: start) }),
           start + committee.count > (best ?? start) {
            best = start + committee.count
        }
        guard let end = best else { return nil }
        // A post and a character or two (主任委托, 常委员会) is no committee; 代表资格审查委员会 is one, and so
        // is an ending alone (主任会议).
        if let title = postTitle(at: start), let ending = index.subBodyEndings.longest(endingAt: end, in: scalars, lowerBound: start),
           ending.start > start, end - start <= title.title.unicodeScalars.count + 2 {
            return nil
        }
        let tail = text(start..<end)
        let surface = text(body.range.lowerBound..<end)
        var sub = Mention(kind: .organization, range: body.range.lowerBound..<end, surface: surface,
                          canonical: body.canonical + tail, aliases: surface == body.canonical + tail ? [] : [surface],
                          rule: .organizationSubBody)
        // 省人大 + 环资委: the short form with the congress's short name, as people write it.
        if body.canonical.hasSuffix("人民代表大会") {
            sub.aliases.append(String(body.canonical.dropLast("人民代表大会".count)) + "人大" + tail)
        }
        // 中共国家税务总局委员会: the party's committee of the body is its 党委.
        if String(scalars: scalars[start..<end]) == "委员会",
           let prefix = index.partyPrefixes.longest(endingAt: body.range.lowerBound, in: scalars), prefix.value == "委" {
            sub.range = prefix.start..<end
            sub.surface = text(sub.range)
            sub.canonical = body.canonical + "党委"
            sub.aliases = [sub.surface, body.canonical + tail]
        }
        sub.parent = [body]
        return sub
    }

    /// The longest committee name read after a body.
    static let subBodyLongest = 16
}

extension OrganizationFinder {
    /// Special committees listed after one named with its body (省人大法制委员会、财政经济委员会、社会建设委员会),
    /// and names listed with the same ending (中国科学院声学研究所、光电技术研究所): each is a sub-body of the
    /// same body (lists distribute).
    func listedCommittees(_ mentions: [Mention], in range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        for (k, m) in mentions.enumerated() {
            out.append(m)
            guard m.rule == .organizationSubBody, let body = m.parent.first else { continue }
            let limit = k + 1 < mentions.count ? mentions[k + 1].range.lowerBound : range.upperBound
            var j = m.range.upperBound
            // The listed item: a special committee, or a name with the same ending as the first (声学研究所、
            // 光电技术研究所), ended by the list's next mark or its end.
            let ending = index.subBodyEndings.longest(endingAt: m.range.upperBound, in: scalars, lowerBound: body.range.upperBound)?.value
            func sameEnding(at start: Int) -> Int? {
                guard let ending, ending.unicodeScalars.count >= 2 else { return nil }
                let e = Array(ending.unicodeScalars)
                var k = start
                while k < min(limit, start + Self.subBodyLongest), !Self.subBodyStops.contains(scalars[k]), PersonFinder.isHan(scalars[k]) {
                    k += 1
                    if k - start > e.count, scalars[(k - e.count)..<k].elementsEqual(e),
                       k == limit || !PersonFinder.isHan(scalars[k]) || scalars[k] == "等" { return k - start }
                }
                return nil
            }
            while j + 1 < limit, scalars[j] == "、",
                  let length = index.specialCommittees.first(where: { j + 1 + $0.count <= limit && matches($0, at: j + 1) })?.count ?? sameEnding(at: j + 1) {
                let r = (j + 1)..<(j + 1 + length)
                let name = text(r)
                var sub = Mention(kind: .organization, range: r, surface: name, canonical: body.canonical + name,
                                  rule: .organizationSubBody)
                if body.canonical.hasSuffix("人民代表大会") {
                    sub.aliases.append(String(body.canonical.dropLast("人民代表大会".count)) + "人大" + name)
                }
                sub.parent = [body]
                out.append(sub)
                j = r.upperBound
            }
        }
        return out
    }
}
