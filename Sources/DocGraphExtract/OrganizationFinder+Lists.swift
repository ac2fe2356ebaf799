extension OrganizationFinder {
    /// Places listed before a body named with the last of them (江口、德江、思南县卫生健康局: lists
    /// distribute): the body of the same kind of each place of the same level, in text order.
    func listedPlaces(before m: Mention, lowerBound: Int) -> [Mention] {
        guard m.rule == "organization.place-ending", m.range.lowerBound - 1 > lowerBound, scalars[m.range.lowerBound - 1] == "、",
              let last = place(startingAt: m.range.lowerBound), m.canonical.hasPrefix(last) else { return [] }
        let kind = m.canonical.dropFirst(last.count)
        var out: [Mention] = []
        var k = m.range.lowerBound - 1
        while k > lowerBound, scalars[k] == "、", let (start, name) = place(endingAt: k), start >= lowerBound,
              rules.places[name]?.level == rules.places[last]?.level {
            // (the place alone is no name of its body: the mention's surface is the body's name)
            let canonical = name + kind
            out.insert(Mention(kind: "Organization", range: start..<k, surface: canonical, canonical: canonical,
                               rule: "organization.listed-place"), at: 0)
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
