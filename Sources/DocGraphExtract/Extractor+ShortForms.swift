import DocGraphModel

extension Extractor {
    /// One regulation, one node: 人民警察法 and 《人民警察法》 are 《中华人民共和国人民警察法》 when the
    /// document names it in full too (the full name is the short one after the state's or a place's name).
    func regulationShortForms(_ mentions: [Mention]) -> [CodePointKey: String] {
        func bare(_ name: String) -> [Unicode.Scalar] {
            let u = Array(name.unicodeScalars)
            return u.first == "《" && u.last == "》" && u.count >= 2 ? Array(u[1..<(u.count - 1)]) : u
        }
        var byBare: [[Unicode.Scalar]: String] = [:]   // name without 《》 → the canonical kept (a quoted one first)
        for m in mentions where m.kind == .regulation {
            let key = bare(m.canonical)
            if let kept = byBare[key], kept.hasPrefix("《") || !m.canonical.hasPrefix("《") { continue }
            byBare[key] = m.canonical
        }
        guard byBare.count > 1 || mentions.contains(where: { $0.kind == .regulation && byBare[bare($0.canonical)] != $0.canonical })
        else { return [:] }
        var out: [CodePointKey: String] = [:]
        let names = byBare.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for m in mentions where m.kind == .regulation {
            let key = bare(m.canonical)
            var target = byBare[key] ?? m.canonical
            for (long, canonical) in names where long.count > key.count && long.suffix(key.count).elementsEqual(key) {
                let prefix = String(scalars: long[..<(long.count - key.count)])
                if prefix == "中华人民共和国" || place(named: prefix) != nil {
                    target = canonical
                    break
                }
            }
            if target != m.canonical { out[CodePointKey(m.canonical)] = target }
        }
        return out
    }

    /// One program, one node: a program name that ends another one (联络日,
    /// 人大代表联络日) is a short form of it.
    func programShortForms(_ mentions: [Mention]) -> [CodePointKey: String] {
        let names = Set(mentions.filter { $0.kind == .program }.map { Array($0.canonical.unicodeScalars) })
        var longest: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]   // short form → shortest longer name ending in it
        for name in names where name.count > 3 {
            for start in 1...(name.count - 3) {
                let suffix = Array(name[start...])
                guard names.contains(suffix) else { continue }
                if let other = longest[suffix], (other.count, String(scalars: other)) <= (name.count, String(scalars: name)) { continue }
                longest[suffix] = name
            }
        }
        var out: [CodePointKey: String] = [:]
        for (short, long) in longest { out[CodePointKey(String(scalars: short))] = String(scalars: long) }
        return out
    }
}
