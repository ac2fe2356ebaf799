extension OrganizationFinder {
    /// Places listed before a body named with the last of them (江口、德江、思南县卫生健康局: lists
    /// distribute): the body of the same kind of each place of the same level, in text order.
    func listedPlaces(before m: Mention, lowerBound: Int) -> [Mention] {
        guard m.rule == .organizationPlaceEnding, m.range.lowerBound - 1 > lowerBound, scalars[m.range.lowerBound - 1] == "、",
              let last = place(startingAt: m.range.lowerBound), m.canonical.hasPrefix(last) else { return [] }
        let kind = m.canonical.dropFirst(last.count)
        var out: [Mention] = []
        var k = m.range.lowerBound - 1
        while k > lowerBound, scalars[k] == "、", let (start, name) = place(endingAt: k), start >= lowerBound,
              rules.places[name]?.level == rules.places[last]?.level {
            // (the place alone is no name of its body: the mention's surface is the body's name)
            let canonical = name + kind
            out.insert(Mention(kind: .organization, range: start..<k, surface: canonical, canonical: canonical,
                               rule: .organizationListedPlace), at: 0)
            k = start - 1
        }
        return out
    }

    /// The full name of the longest place form starting at `start`.
    func place(startingAt start: Int) -> String? {
        var found: String?
        for end in (start + 2)...min(scalars.count, start + index.maximumPlaceLength) {
            if let (s, name) = place(endingAt: end), s == start { found = name }
        }
        return found
    }
}

extension OrganizationFinder {
    /// A department named without a place where the text's structure says it is the document's place's
    /// own (公安局党委书记 in a list of one person's posts, 环保局、水务局 in a list of bodies): a listed
    /// department that punctuation or the start of the clause stands before, with a post title right
    /// after it or a 、 beside it.
    func bareDepartment(_ department: String, ending: String, range r: Range<Int>, listed: Bool, context: DocumentContext?) -> Mention? {
        guard listed, let place = context?.chain.first(where: { rules.places[$0] != nil }) else { return nil }
        let before = r.lowerBound == 0 ? " " : scalars[r.lowerBound - 1]
        guard !PersonFinder.isHan(before) || Extractor.isListJoiner(before) else { return nil }
        let after = r.upperBound < scalars.count ? scalars[r.upperBound] : " "
        guard postTitle(at: r.upperBound) != nil || before == "、" || after == "、" else { return nil }
        let surface = text(r)
        let canonical = place + department + ending
        return Mention(kind: .organization, range: r, surface: surface, canonical: canonical, aliases: [surface],
                       rule: .organizationBareDepartment)
    }
}

extension OrganizationFinder {
    /// The place a body's name begins with, and its level when it is a town or a village.
    func placeOfBody(_ m: Mention) -> (String, String?)? {
        if let local = local.places.values.filter({ m.canonical.hasPrefix($0.name) }).max(by: { $0.name.count < $1.name.count }) {
            return (local.name, local.level)
        }
        let name = Array(m.canonical.unicodeScalars)
        for length in stride(from: min(name.count, index.maximumPlaceLength), through: 2, by: -1) {
            if let place = index.placeForms[name[0..<length]], place.unicodeScalars.count == length { return (place, nil) }
        }
        return nil
    }
}
