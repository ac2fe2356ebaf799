import DocGraphModel

/// Triples indexed by subject, predicate and object (the SPO, POS and OSP
/// access paths): a pattern with any position bound is answered from the
/// smallest matching list, never by scanning the whole graph.
public struct TripleStore: Sendable {
    public private(set) var triples: [Triple] = []
    private var bySubject: [Term: [Int]] = [:]
    private var byPredicate: [IRI: [Int]] = [:]
    private var byObject: [Term: [Int]] = [:]
    private var seen: Set<Triple> = []

    public init() {}

    public init(_ triples: some Sequence<Triple>) {
        for t in triples { add(t) }
    }

    public mutating func add(_ t: Triple) {
        guard seen.insert(t).inserted else { return }
        let i = triples.count
        triples.append(t)
        bySubject[t.subject.term, default: []].append(i)
        byPredicate[t.predicate, default: []].append(i)
        byObject[t.object, default: []].append(i)
    }

    /// How many triples could match, from the most selective bound position.
    public func estimate(subject: Term?, predicate: IRI?, object: Term?) -> Int {
        var best = triples.count
        if let s = subject { best = min(best, bySubject[s]?.count ?? 0) }
        if let p = predicate { best = min(best, byPredicate[p]?.count ?? 0) }
        if let o = object { best = min(best, byObject[o]?.count ?? 0) }
        return best
    }

    /// The triples matching the bound positions.
    public func match(subject: Term?, predicate: IRI?, object: Term?, _ body: (Triple) -> Void) {
        var candidates: [Int]?
        if let s = subject { candidates = bySubject[s] ?? [] }
        if let p = predicate {
            let list = byPredicate[p] ?? []
            if list.count < candidates?.count ?? Int.max { candidates = list }
        }
        if let o = object {
            let list = byObject[o] ?? []
            if list.count < candidates?.count ?? Int.max { candidates = list }
        }
        if let candidates {
            for i in candidates {
                let t = triples[i]
                if let s = subject, t.subject.term != s { continue }
                if let p = predicate, t.predicate != p { continue }
                if let o = object, t.object != o { continue }
                body(t)
            }
        } else {
            triples.forEach(body)
        }
    }

    /// Every subject and object: the nodes a zero-length path reaches.
    public var nodes: [Term] {
        var out = Set<Term>()
        for t in triples { out.insert(t.subject.term); out.insert(t.object) }
        return out.sorted()
    }
}
