import DocGraphModel

/// Numbers for every term a query sees: the store's own, and after them
/// those a query makes (BIND, aggregates, VALUES, constants the graph does
/// not hold). One term, one number, so equal numbers mean the same term and
/// solutions compare by number alone.
final class TermPool {
    let store: TripleStore
    private var made: [Term] = []
    private var madeNumbers: [TripleStore.Spelled: UInt32] = [:]

    init(store: TripleStore) { self.store = store }

    /// The term's number, numbering it if the store does not.
    func number(_ term: Term) -> UInt32 {
        if let n = store.number(term) { return n }
        if let n = madeNumbers[TripleStore.Spelled(term)] { return n }
        let n = UInt32(store.termCount + made.count)
        made.append(term)
        madeNumbers[TripleStore.Spelled(term)] = n
        return n
    }

    /// The term numbered `n` (which must come from this pool).
    func term(_ n: UInt32) -> Term {
        let i = Int(n)
        return i < store.termCount ? store.term(n) : made[i - store.termCount]
    }

    /// The term a solution binds, or nil for ``SolutionTable/unbound``.
    func term(orNil n: UInt32) -> Term? { n == SolutionTable.unbound ? nil : term(n) }
}
