extension OrganizationFinder {
    /// The longest name of an institution read before its party committee, and the longest read without a
    /// place at its start.
    static let longestInstitution = 16
    static let longestInstitutionWithoutPlace = 10

    /// An institution's own body named at `i` (X集团党委, X大学党委: `lexicons/institution-bodies.txt`),
    /// with the institution as its parent; nil when the words before the ending do not name an
    /// institution (no head word of `lexicons/institution-heads.txt` ends them) or their start cannot
    /// be told. The name starts at a place named in it (…临沂市人民医院党委), else where a mark, a function
    /// word or a verb before a name (召开, 来到: `lexicons/clause-verbs.txt`) stands before it.
    func institutionBody(at i: Int, lowerBound: Int, upperBound: Int, context: DocumentContext?) -> Mention? {
        guard index.institutionStarts.contains(scalars[i]), let ending = index.institutionEndings[scalars[i]]?.first(where: { i + $0.count <= upperBound && matches($0, at: i) }),
              let head = index.institutionHeads.longest(endingAt: i, in: scalars, lowerBound: lowerBound)
        else { return nil }
        let end = i + ending.count
        // The run of name characters before the ending, back to a mark, a function word or a verb.
        var k = head.start
        while k > lowerBound, i - k < Self.longestInstitution, Self.isNameCharacter(scalars[k - 1]), !LocalPlaces.stops.contains(scalars[k - 1]),
              index.clauseVerbs.longest(endingAt: k, in: scalars, lowerBound: lowerBound) == nil {
            k -= 1
        }
        let bounded = k == lowerBound || !Self.isNameCharacter(scalars[k - 1]) || LocalPlaces.stops.contains(scalars[k - 1])
            || index.clauseVerbs.longest(endingAt: k, in: scalars, lowerBound: lowerBound) != nil
        // A place named in the run starts the name.
        var start: Int?
        for e in (k + 2)..<max(k + 2, head.start + 1) {
            if let (s, _) = place(endingAt: e), s >= k {
                start = s
                break
            }
        }
        if start == nil, bounded, i - k <= Self.longestInstitutionWithoutPlace { start = k }
        guard let start, head.start - start >= 2 else { return nil }
        let name = text(start..<i)
        // 市供销合作社: a level word at its start stands for the document's place.
        var canonical = name
        if let (word, level) = index.levelWords.first(where: { matches($0.word, at: start) }).map({ ($0.word, $0.level) }),
           levelWord(endingAt: start + word.count, lowerBound: start) != nil,
           let place = context?.place(forLevelWord: String(scalars: word), level: level, rules: rules) {
            canonical = place + text((start + word.count)..<i)
        }
        let institution = Mention(kind: .organization, range: start..<i, surface: name, canonical: canonical,
                                  aliases: canonical == name ? [] : [name], rule: .organizationInstitution)
        let surface = text(start..<end)
        let bodyName = canonical + text(i..<end)
        var body = Mention(kind: .organization, range: start..<end, surface: surface, canonical: bodyName,
                           aliases: bodyName == surface ? [] : [surface], rule: .organizationInstitutionBody)
        body.parent = [institution]
        return body
    }

    /// Han characters, and the Latin letters and digits of names such as 中国中铁二局集团 or TCL集团.
    static func isNameCharacter(_ u: Unicode.Scalar) -> Bool {
        PersonFinder.isHan(u) || ("A"..."Z").contains(u) || ("a"..."z").contains(u) || ("0"..."9").contains(u)
    }
}
