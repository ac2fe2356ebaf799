extension OrganizationFinder {
    /// The most words read between where a body is kept and its ending (安全生产专项督导 + 工作组).
    static let longestStationedMiddle = 12

    /// Bodies one body keeps at another, named as BODY 驻 PLACE-OR-BODY … ENDING (中央纪委国家监委驻生态环境部
    /// 纪检监察组, 山东省驻宁津县安全生产专项督导工作组; `lexicons/stationed-bodies.txt`): one mention, part of the
    /// bodies named before 驻, in place of the mentions it covers.
    func stationedBodies(_ mentions: [Mention], in range: Range<Int>, context: DocumentContext?) -> [Mention] {
        guard !index.stationedVerbs.isEmpty else { return mentions }
        var out = mentions
        var k = 0
        while k < out.count {
            let sender = out[k]
            guard let verb = index.stationedVerbs.first(where: { matches($0, at: sender.range.upperBound) }) else { k += 1; continue }
            // The bodies named one after another before 驻 (中央纪委 + 国家监委) all send it.
            var first = k
            while first > 0, out[first - 1].range.upperBound == out[first].range.lowerBound { first -= 1 }
            let targetStart = sender.range.upperBound + verb.count
            guard let targetEnd = stationedTarget(at: targetStart, mentions: out, upperBound: range.upperBound),
                  let end = stationedEnding(after: targetEnd, upperBound: range.upperBound) else { k += 1; continue }
            let start = out[first].range.lowerBound
            let surface = text(start..<end)
            var body = Mention(kind: .organization, range: start..<end, surface: surface, canonical: surface, rule: .organizationStationed)
            body.parent = Array(out[first...k])
            out.removeSubrange(first..<(out.firstIndex { $0.range.lowerBound >= end } ?? out.count))
            out.insert(body, at: first)
            k = first + 1
        }
        // A place may keep one too (山东省驻宁津县…工作组, or 省驻… for the document's province): the body is the
        // place's, named with the place in full.
        var z = range.lowerBound + 1
        while z < range.upperBound {
            guard index.stationedVerbMayBeEmpty || index.stationedVerbStarts.contains(scalars[z]),
                  let verb = index.stationedVerbs.first(where: { matches($0, at: z) }), !out.contains(where: { $0.range.contains(z) }),
                  let (start, name) = sendingPlace(endingAt: z, lowerBound: range.lowerBound, context: context),
                  !out.contains(where: { $0.range.overlaps(start..<z) }),
                  let targetEnd = stationedTarget(at: z + verb.count, mentions: out, upperBound: range.upperBound),
                  let end = stationedEnding(after: targetEnd, upperBound: range.upperBound) else { z += 1; continue }
            let surface = text(start..<end)
            let canonical = name + text(z..<end)
            out.removeAll { $0.range.overlaps(start..<end) }
            let at = out.firstIndex { $0.range.lowerBound >= end } ?? out.count
            out.insert(Mention(kind: .organization, range: start..<end, surface: surface, canonical: canonical,
                               aliases: surface == canonical ? [] : [surface], rule: .organizationStationed), at: at)
            z = end
        }
        return out
    }

    /// The place named right before 驻 at `end`, or the place a level word there stands for (省 → 山东省).
    func sendingPlace(endingAt end: Int, lowerBound: Int, context: DocumentContext?) -> (Int, String)? {
        if let (start, name) = place(endingAt: end), start >= lowerBound { return (start, name) }
        guard let (word, level) = levelWord(endingAt: end, lowerBound: lowerBound),
              let name = context?.place(forLevelWord: String(scalars: word), level: level, rules: rules) else { return nil }
        return (end - word.count, name)
    }

    /// Where the body or place a body is kept at, named at `start`, ends.
    func stationedTarget(at start: Int, mentions: [Mention], upperBound: Int) -> Int? {
        // A body named there, unless it is the place and the kept body's own ending (香港特别行政区联络办公室).
        if let m = mentions.first(where: { $0.range.lowerBound == start }),
           index.stationedEndings.longest(endingAt: m.range.upperBound, in: scalars, lowerBound: start) == nil { return m.range.upperBound }
        var found: Int?
        for end in (start + 2)..<min(upperBound, start + index.maximumPlaceLength) + 1 {
            if let (s, _) = place(endingAt: end), s == start { found = end }
            if local.place(endingAt: end, lowerBound: start).map({ $0.start == start }) == true { found = end }
        }
        return found
    }

    /// The end of a stationed body's ending within a few words after `start`.
    func stationedEnding(after start: Int, upperBound: Int) -> Int? {
        var k = start
        var found: Int?
        while k < upperBound, k - start < Self.longestStationedMiddle + 6, PersonFinder.isHan(scalars[k]), !Self.subBodyStops.contains(scalars[k]) {
            k += 1
            if let e = index.stationedEndings.longest(endingAt: k, in: scalars, lowerBound: start), e.start - start <= Self.longestStationedMiddle {
                found = k
            }
        }
        return found
    }
}
