import DocGraphModel
import Dispatch
import Synchronization

/// A graph held for querying: every distinct term numbered once, and the
/// triples as three sorted lists of numbers — by subject, predicate, object
/// (SPO), by predicate, object, subject (POS) and by object, subject,
/// predicate (OSP). Any combination of bound positions is a prefix of one of
/// the three, so a pattern's matches are one binary search away and its
/// exact count is known before it is read; nothing scans the whole graph
/// unless nothing is bound.
///
/// Numbering the terms first is what keeps loading cheap: a term is hashed
/// once per occurrence, the indexes are sorts of 12-byte keys, and
/// duplicate triples fall out of the SPO sort.
public struct TripleStore: Sendable {
    /// A term as the graph spells it. `Literal` equality ignores the case of
    /// language tags, as RDF compares them; the store numbers `"a"@en` and
    /// `"a"@EN` apart all the same, so each is given back as written (and
    /// `=` in a FILTER still finds them equal).
    struct Spelled: Hashable {
        let term: Term
        init(_ term: Term) { self.term = term }

        static func == (a: Spelled, b: Spelled) -> Bool {
            guard a.term == b.term else { return false }
            if case .literal(let x) = a.term, case .literal(let y) = b.term { return x.language == y.language }
            return true
        }

        func hash(into hasher: inout Hasher) { term.hash(into: &hasher) }
    }

    /// A triple as three term numbers.
    struct Key: Sendable {
        var s: UInt32, p: UInt32, o: UInt32
    }

    private var terms: [Term]
    private var numbers: [Spelled: UInt32]
    private var spo: [Key]
    private var pos: [Key]
    private var osp: [Key]

    /// How many distinct triples the store holds.
    public var count: Int { spo.count }

    public init() { self = Loader().finish() }

    public init(_ triples: some Sequence<Triple>) {
        var loader = Loader()
        for t in triples { loader.consume(t) }
        self = loader.finish()
    }

    fileprivate init(terms: [Term], numbers: [Spelled: UInt32], keys: [Key]) {
        self.terms = terms
        self.numbers = numbers
        var keys = keys
        keys.sort { ($0.s, $0.p, $0.o) < ($1.s, $1.p, $1.o) }
        var unique: [Key] = []
        unique.reserveCapacity(keys.count)
        for k in keys {
            if let last = unique.last, last.s == k.s, last.p == k.p, last.o == k.o { continue }
            unique.append(k)
        }
        spo = unique
        pos = unique.sorted { ($0.p, $0.o, $0.s) < ($1.p, $1.o, $1.s) }
        osp = unique.sorted { ($0.o, $0.s, $0.p) < ($1.o, $1.s, $1.p) }
    }

    /// Reads triples one at a time (it is a ``TripleSink``, so a parser can
    /// stream straight into it) and numbers their terms; ``finish()`` sorts.
    public struct Loader: TripleSink {
        private var terms: [Term] = []
        private var numbers: [Spelled: UInt32] = [:]
        private var keys: [Key] = []
        // Parsers give a subject's triples together and use few predicates:
        // checking the last ones seen skips most hashing.
        private var lastSubject: (Term, UInt32)?
        private var recentPredicates: [(IRI, UInt32)] = []

        public init() {}

        public mutating func consume(_ t: Triple) {
            let s: UInt32
            let subject = t.subject.term
            if let last = lastSubject, last.0 == subject {
                s = last.1
            } else {
                s = number(subject)
                lastSubject = (subject, s)
            }
            let p: UInt32
            if let hit = recentPredicates.first(where: { $0.0 == t.predicate }) {
                p = hit.1
            } else {
                p = number(.iri(t.predicate))
                if recentPredicates.count < 16 { recentPredicates.append((t.predicate, p)) }
            }
            keys.append(Key(s: s, p: p, o: number(t.object)))
        }

        private mutating func number(_ term: Term) -> UInt32 {
            if let n = numbers[Spelled(term)] { return n }
            let n = UInt32(terms.count)
            terms.append(term)
            numbers[Spelled(term)] = n
            return n
        }

        /// The store, indexed.
        public consuming func finish() -> TripleStore {
            TripleStore(terms: terms, numbers: numbers, keys: keys)
        }
    }

    /// Loads the triples `produce` writes into its sink, numbering them on a
    /// second thread while `produce` (a parser) runs on this one: on a
    /// large file parsing and numbering each take a core, and loading takes
    /// about the time of parsing alone. Errors from `produce` are rethrown.
    public static func load(_ produce: (inout BatchingSink) throws -> Void) throws -> TripleStore {
        let pipe = BatchPipe()
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<TripleStore?>(nil)
        DispatchQueue.global().async {
            var loader = Loader()
            while let batch = pipe.take() { for t in batch { loader.consume(t) } }
            let store = loader.finish()
            result.withLock { $0 = store }
            done.signal()
        }
        var sink = BatchingSink(pipe: pipe)
        do {
            try produce(&sink)
            sink.flush()
            pipe.close()
        } catch {
            pipe.close()
            done.wait()
            throw error
        }
        done.wait()
        return result.withLock { $0.take()! }
    }

    /// Hands triples to the numbering thread in batches (a lock per triple would cost more than numbering it).
    public struct BatchingSink: TripleSink {
        fileprivate let pipe: BatchPipe
        private var batch: [Triple] = []

        fileprivate init(pipe: BatchPipe) { self.pipe = pipe }

        public mutating func consume(_ t: Triple) {
            batch.append(t)
            if batch.count == 4096 { flush() }
        }

        fileprivate mutating func flush() {
            if !batch.isEmpty { pipe.put(batch) }
            batch = []
            batch.reserveCapacity(4096)
        }
    }

    /// How many triples match the bound positions (exact).
    public func estimate(subject: Term?, predicate: IRI?, object: Term?) -> Int {
        lookup(subject, predicate, object)?.1.count ?? 0
    }

    /// The triples matching the bound positions.
    public func match(subject: Term?, predicate: IRI?, object: Term?, _ body: (Triple) -> Void) {
        guard let (list, range) = lookup(subject, predicate, object) else { return }
        for i in range {
            let k = list[i]
            guard let s = terms[Int(k.s)].subject, let p = terms[Int(k.p)].iri else { continue }
            body(Triple(s, p, terms[Int(k.o)]))
        }
    }

    /// Every subject and object: the nodes a zero-length path reaches.
    public var nodes: [Term] { nodeNumbers.map(term) }

    /// The numbers of every subject and object, in the order of their terms.
    var nodeNumbers: [UInt32] {
        var seen = [Bool](repeating: false, count: terms.count)
        for k in spo { seen[Int(k.s)] = true; seen[Int(k.o)] = true }
        return terms.indices.filter { seen[$0] }.sorted { terms[$0] < terms[$1] }.map { UInt32($0) }
    }

    // MARK: by number

    // The evaluator works on term numbers: comparing and hashing them is
    // what keeps a million solutions cheap, and a term is looked up only
    // when an expression or the output needs it.

    /// How many distinct terms the store numbers (0 ..< termCount).
    var termCount: Int { terms.count }

    /// The term numbered `n`.
    func term(_ n: UInt32) -> Term { terms[Int(n)] }

    /// The number of a term in the graph, or nil when the graph never uses it.
    func number(_ term: Term) -> UInt32? { numbers[Spelled(term)] }

    /// The numbers of the spellings of a term in the graph: the term itself,
    /// or for a language-tagged literal, its tag as written, in lower case,
    /// in upper case and in BCP 47's usual case (`en-US`, `zh-Hans`). RDF
    /// compares tags ignoring case, so `"a"@EN` in a query matches `"a"@en`;
    /// trying the spellings people write costs a few lookups, where an index
    /// of every case of every tag would cost a hash per literal at load.
    func spellings(of term: Term) -> [UInt32] {
        guard case .literal(let l) = term, let tag = l.language else { return number(term).map { [$0] } ?? [] }
        var seen = Set<String>()
        return [tag, tag.lowercased(), tag.uppercased(), Self.conventionalCase(tag)].compactMap { spelling in
            guard seen.insert(spelling).inserted else { return nil }
            return number(.literal(Literal(l.lexicalForm, language: spelling)))
        }
    }

    /// A language tag in BCP 47's conventional case: language lower, script title, region upper.
    static func conventionalCase(_ tag: String) -> String {
        var privateUse = false
        return tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { i, part in
            if part.count == 1 { privateUse = true }   // a singleton: extensions and private use stay lower case
            if i == 0 || privateUse { return part.lowercased() }
            if part.count == 2 { return part.uppercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    /// How many triples match the bound numbers (exact).
    func count(_ s: UInt32?, _ p: UInt32?, _ o: UInt32?) -> Int {
        keys(s, p, o).1.count
    }

    /// The triples matching the bound numbers, as keys (a slice of an index, not a copy).
    func matches(_ s: UInt32?, _ p: UInt32?, _ o: UInt32?) -> ArraySlice<Key> {
        let (list, range) = keys(s, p, o)
        return list[range]
    }

    /// The index whose sort order has the bound positions as a prefix, and
    /// the range of keys with that prefix; nil when a bound term is not in
    /// the graph at all.
    private func lookup(_ subject: Term?, _ predicate: IRI?, _ object: Term?) -> ([Key], Range<Int>)? {
        var s: UInt32?, p: UInt32?, o: UInt32?
        if let subject { guard let n = number(subject) else { return nil }; s = n }
        if let predicate { guard let n = number(.iri(predicate)) else { return nil }; p = n }
        if let object { guard let n = number(object) else { return nil }; o = n }
        return keys(s, p, o)
    }

    /// The index whose sort order has the bound numbers as a prefix, and the range of keys with that prefix.
    private func keys(_ s: UInt32?, _ p: UInt32?, _ o: UInt32?) -> ([Key], Range<Int>) {
        switch (s, p, o) {
        case let (s?, p?, o?):
            return (spo, Self.range(spo, before: { ($0.s, $0.p, $0.o) < (s, p, o) }, while: { ($0.s, $0.p, $0.o) == (s, p, o) }))
        case let (s?, p?, nil):
            return (spo, Self.range(spo, before: { ($0.s, $0.p) < (s, p) }, while: { ($0.s, $0.p) == (s, p) }))
        case let (s?, nil, o?):
            return (osp, Self.range(osp, before: { ($0.o, $0.s) < (o, s) }, while: { ($0.o, $0.s) == (o, s) }))
        case let (s?, nil, nil):
            return (spo, Self.range(spo, before: { $0.s < s }, while: { $0.s == s }))
        case let (nil, p?, o?):
            return (pos, Self.range(pos, before: { ($0.p, $0.o) < (p, o) }, while: { ($0.p, $0.o) == (p, o) }))
        case let (nil, p?, nil):
            return (pos, Self.range(pos, before: { $0.p < p }, while: { $0.p == p }))
        case let (nil, nil, o?):
            return (osp, Self.range(osp, before: { $0.o < o }, while: { $0.o == o }))
        case (nil, nil, nil):
            return (spo, spo.indices)
        }
    }

    /// The keys from the first not `before` the prefix to the last `within` it, by binary search.
    private static func range(_ list: [Key], before: (Key) -> Bool, while within: (Key) -> Bool) -> Range<Int> {
        func firstIndex(_ past: (Key) -> Bool) -> Int {
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if past(list[mid]) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let start = firstIndex(before)
        let end = firstIndex { before($0) || within($0) }
        return start..<end
    }
}

/// A bounded queue of triple batches between one producer and one consumer.
final class BatchPipe: Sendable {
    private let batches = Mutex<[[Triple]]>([])
    private let filled = DispatchSemaphore(value: 0)
    private let room = DispatchSemaphore(value: 8)

    func put(_ batch: [Triple]) {
        room.wait()
        batches.withLock { $0.append(batch) }
        filled.signal()
    }

    /// Ends the stream: one more signal than there are batches, which `take` reads as the end.
    func close() {
        filled.signal()
    }

    /// The next batch, or nil once the producer has closed the pipe and
    /// every batch is taken (each batch and the close signal once, so a
    /// wait always finds one or the other).
    func take() -> [Triple]? {
        filled.wait()
        let next = batches.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        if next != nil { room.signal() }
        return next
    }
}
