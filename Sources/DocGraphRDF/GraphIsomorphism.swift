import DocGraphModel

/// Decides whether two sets of triples are the same graph up to the naming
/// of blank nodes (RDF 1.1 Concepts §3.6). Used by the conformance tests
/// and round-trip checks.
///
/// Blank nodes are first coloured by their neighbourhoods (a few rounds of
/// refinement), then matched by backtracking within colour classes; this
/// is fast for the sizes met in tests and exact in every case.
public enum GraphIsomorphism {
    public static func isIsomorphic(_ a: [Triple], _ b: [Triple]) -> Bool {
        let sa = Set(a), sb = Set(b)
        guard sa.count == sb.count else { return false }
        let groundA = sa.filter { !hasBlank($0) }, groundB = sb.filter { !hasBlank($0) }
        guard groundA == groundB else { return false }
        let restA = Array(sa.subtracting(groundA)), restB = Array(sb.subtracting(groundB))
        guard restA.count == restB.count else { return false }
        if restA.isEmpty { return true }
        let colorsA = colors(restA), colorsB = colors(restB)
        guard colorsA.values.sorted() == colorsB.values.sorted() else { return false }
        let blanksA = colorsA.keys.sorted { (colorsA[$0, default: 0], $0.id) < (colorsA[$1, default: 0], $1.id) }
        let targetSet = Set(restB)
        var mapping: [BlankNode: BlankNode] = [:]
        var used = Set<BlankNode>()
        let candidates = Dictionary(grouping: colorsB.keys, by: { colorsB[$0, default: 0] })

        func consistent() -> Bool {
            for t in restA {
                guard let mapped = map(t, mapping) else { continue }
                if !targetSet.contains(mapped) { return false }
            }
            return true
        }
        func search(_ k: Int) -> Bool {
            if k == blanksA.count { return true }
            let x = blanksA[k]
            for y in candidates[colorsA[x, default: 0]] ?? [] where !used.contains(y) {
                mapping[x] = y
                used.insert(y)
                if consistent() && search(k + 1) { return true }
                mapping[x] = nil
                used.remove(y)
            }
            return false
        }
        return search(0)
    }

    static func hasBlank(_ t: Triple) -> Bool {
        if case .blank = t.subject { return true }
        if case .blank = t.object { return true }
        return false
    }

    /// The triple with every blank node mapped, or nil while one is unmapped.
    static func map(_ t: Triple, _ m: [BlankNode: BlankNode]) -> Triple? {
        var s = t.subject
        if case .blank(let b) = s { guard let y = m[b] else { return nil }; s = .blank(y) }
        var o = t.object
        if case .blank(let b) = o { guard let y = m[b] else { return nil }; o = .blank(y) }
        return Triple(s, t.predicate, o)
    }

    static func colors(_ triples: [Triple]) -> [BlankNode: Int] {
        var color: [BlankNode: Int] = [:]
        for t in triples {
            if case .blank(let b) = t.subject { color[b] = 0 }
            if case .blank(let b) = t.object { color[b] = 0 }
        }
        for _ in 0..<4 {
            var signature: [BlankNode: [String]] = [:]
            for t in triples {
                let oKey: String
                if case .blank(let b) = t.object { oKey = "b\(color[b, default: 0])" } else { oKey = NTriplesSerializer.string(t.object) }
                let sKey: String
                if case .blank(let b) = t.subject { sKey = "b\(color[b, default: 0])" } else { sKey = NTriplesSerializer.string(t.subject.term) }
                if case .blank(let b) = t.subject { signature[b, default: []].append("o" + t.predicate.string + " " + oKey) }
                if case .blank(let b) = t.object { signature[b, default: []].append("i" + t.predicate.string + " " + sKey) }
            }
            let keys = Dictionary(uniqueKeysWithValues: color.keys.map { b in
                (b, "\(color[b, default: 0])|" + (signature[b] ?? []).sorted().joined(separator: "\u{1F}"))
            })
            let distinct = Array(Set(keys.values)).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            color = keys.mapValues { index[$0, default: 0] }
        }
        return color
    }
}
