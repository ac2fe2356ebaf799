extension DocumentReading {
    /// What two names of one body share: the name without 和, without a session's ordinal
    /// (十三届, 第二十届), and with 委员会 read as 委 (发展和改革委员会 and 发展改革委;
    /// 省十三届人大常委会 and 省人大常委会).
    static let numerals = ScalarSet("一二三四五六七八九十百零0123456789".unicodeScalars)
    static let committee = Array("委员会".unicodeScalars)

    static func bodyKey(_ name: String) -> [Unicode.Scalar] {
        var u = Array(name.unicodeScalars)
        // 第十三届 / 十三届: an ordinal before 届.
        var i = 0
        while i < u.count {
            if u[i] == "届", i > 0, Self.numerals.contains(u[i - 1]) {
                var start = i - 1
                while start > 0, Self.numerals.contains(u[start - 1]) { start -= 1 }
                if start > 0, u[start - 1] == "第" { start -= 1 }
                u.removeSubrange(start...i)
                i = start
                continue
            }
            i += 1
        }
        u.removeAll { $0 == "和" }
        if u.count > 3, u.suffix(3).elementsEqual(Self.committee) { u.removeLast(2) }
        return u
    }

    /// One body, one node (ONTOLOGY.md rule 5): a body the document names short (政协, 组织部,
    /// 公安局, 大会, 常委会) is the body of the document whose name ends the same way, the one
    /// named last before it where several do (else the first after); two names of one body that
    /// differ only as ``bodyKey(_:)`` allows are one, under the longer name.
    /// How far back a short name looks for its body when the document names several that end alike.
    static let shortNameReach = 200

    mutating func resolveShortBodyNames() {
        struct Named { var k: Int, j: Int, start: Int, key: [Unicode.Scalar], canonical: String }
        var bodies: [Named] = []
        for k in readings.indices {
            for (j, m) in readings[k].mentions.enumerated() where m.kind == .organization {
                bodies.append(Named(k: k, j: j, start: m.range.lowerBound, key: Self.bodyKey(m.canonical), canonical: m.canonical))
            }
        }
        if let author = context.author {
            bodies.append(Named(k: -1, j: -1, start: -1, key: Self.bodyKey(author.canonical), canonical: author.canonical))
        }
        // The fullest name of each key.
        var fullest: [[Unicode.Scalar]: String] = [:]
        for b in bodies where fullest[b.key].map({ b.canonical.unicodeScalars.count > $0.unicodeScalars.count }) ?? true {
            fullest[b.key] = b.canonical
        }
        let authorKey = context.author.map { Self.bodyKey($0.canonical) }
        // The bodies by the last character of their name, in order: those whose name ends in a shorter
        // one are among them (compared there, rather than every suffix of every name hashed).
        var byLast: [Unicode.Scalar: [Int]] = [:]
        for (j, b) in bodies.enumerated() where b.key.count > 2 {
            if let last = b.key.last { byLast[last, default: []].append(j) }
        }
        /// The bodies whose name ends in `key` and is longer, in order.
        func endingIn(_ key: [Unicode.Scalar]) -> [Int] {
            guard let last = key.last else { return [] }
            return (byLast[last] ?? []).filter { bodies[$0].key.count > key.count && bodies[$0].key.suffix(key.count).elementsEqual(key) }
        }
        for b in bodies where b.k >= 0 {
            var target = fullest[b.key] ?? b.canonical
            if let author = context.author, let authorKey, b.key != authorKey, b.key.count > authorKey.count,
               b.key.suffix(authorKey.count).elementsEqual(authorKey),
               index.placeForms[b.key.prefix(b.key.count - authorKey.count)] != nil {
                // 黑龙江省五常市人大常委会 in a report of 五常市人大常委会: the author, with the province written out.
                target = author.canonical
            } else if b.key.count >= 2 {
                let longer = endingIn(b.key).map { bodies[$0] }
                let names = Set(longer.map { fullest[$0.key] ?? $0.canonical })
                if names.count == 1, let only = names.first {
                    target = only
                } else if let chosen = longer.filter({ $0.start < b.start && b.start - $0.start <= Self.shortNameReach }).max(by: { $0.start < $1.start }) {
                    target = fullest[chosen.key] ?? chosen.canonical
                }
            }
            guard target != b.canonical else { continue }
            var m = readings[b.k].mentions[b.j]
            m.aliases.append(m.canonical)
            m.canonical = target
            readings[b.k].mentions[b.j] = m
        }
    }
}
