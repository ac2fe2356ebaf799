import DocGraphModel
import Foundation

/// One solution: variables bound to terms.
public typealias Solution = [String: Term]

/// What a query gives: solutions under variables (SELECT), a truth value
/// (ASK), or triples (CONSTRUCT).
public enum SPARQLResult: Sendable {
    case solutions(variables: [String], rows: [Solution])
    case boolean(Bool)
    case graph([Triple])
}

/// Evaluates ``SPARQLQuery`` over a ``TripleStore`` following the SPARQL
/// 1.1 algebra. Basic graph patterns are joined one triple pattern at a
/// time, always taking next the pattern the indexes say is most selective
/// given the variables bound so far.
///
/// Solutions are rows of term numbers (``SolutionTable``), one column per
/// variable of the query; they become terms only for expressions and for
/// the result.
public struct SPARQLEvaluator {
    public let store: TripleStore
    /// Numbers for the store's terms and for those the query makes.
    let pool: TermPool
    /// The query's variables and their columns.
    var columns: [String: Int] = [:]
    var width: Int { columns.count }
    /// The query's ``SPARQLQuery/unusedVariables``: matched, never bound.
    var unused: Set<String> = []
    /// Raised by another thread to stop the evaluation (see ``run(_:stoppingWhen:)``).
    var cancellation: QueryCancellation?
    /// Whether to give up: every long loop asks, and returns what it has (which is then dropped).
    var stopped: Bool { cancellation?.isCancelled ?? false }
    /// The most solutions one step may hold (``QueryCancellation/maximumSolutions``).
    var solutionCap: Int { cancellation?.maximumSolutions ?? .max }

    /// Whether a step's solutions have grown past the cap; raises the flag when they have.
    func overflowing(_ count: Int) -> Bool {
        guard count > solutionCap else { return false }
        cancellation?.cancel(.tooManySolutions)
        return true
    }

    public init(store: TripleStore) {
        self.store = store
        pool = TermPool(store: store)
    }

    /// An evaluator for a subquery: the same numbers, its own variables.
    init(sharing other: SPARQLEvaluator) {
        store = other.store
        pool = other.pool
        cancellation = other.cancellation
    }

    /// Runs a query until it ends or `cancellation` is raised, whichever
    /// comes first; a stopped query gives no answer at all, since what its
    /// loops had found by then is only part of one.
    public mutating func run(_ q: SPARQLQuery, stoppingWhen cancellation: QueryCancellation) throws(QueryCancellation.Stopped) -> SPARQLResult {
        self.cancellation = cancellation
        defer { self.cancellation = nil }
        let result = run(q)
        if let reason = cancellation.reason { throw QueryCancellation.Stopped(reason: reason) }
        return result
    }

    public mutating func run(_ q: SPARQLQuery) -> SPARQLResult {
        let table = solutions(of: q)
        switch q.form {
        case .ask:
            return .boolean(!table.isEmpty)
        case .construct(let template):
            var out: [Triple] = []
            var seen = Set<Triple>()
            for n in 0..<table.count where !stopped {
                let row = table.row(n)
                var blanks: [String: Term] = [:]
                func term(_ p: PatternTerm) -> Term? {
                    switch p {
                    case .term(let t): return t
                    case .variable(let v) where v.hasPrefix("_:"):
                        if let b = blanks[v] { return b }
                        let b = Term.blank(BlankNode("c\(n)_\(blanks.count)"))
                        blanks[v] = b
                        return b
                    case .variable(let v): return bound(v, row)
                    }
                }
                for t in template {
                    guard let s = term(t.subject)?.subject, let p = term(t.predicate)?.iri, let o = term(t.object) else { continue }
                    let triple = Triple(s, p, o)
                    if seen.insert(triple).inserted { out.append(triple) }
                }
            }
            return .graph(out)
        case .select:
            let variables = Self.projected(q)
            let shown = variables.compactMap { v in columns[v].map { (v, $0) } }
            var rows: [Solution] = []
            rows.reserveCapacity(table.count)
            for n in 0..<table.count where !stopped {
                var row: Solution = Dictionary(minimumCapacity: shown.count)
                for (v, c) in shown { if let t = pool.term(orNil: table[row: n, column: c]) { row[v] = t } }
                rows.append(row)
            }
            return .solutions(variables: variables, rows: rows)
        }
    }

    /// The term a row binds to a variable, or nil.
    func bound(_ variable: String, _ row: SolutionRow) -> Term? {
        guard let c = columns[variable] else { return nil }
        return pool.term(orNil: row[c])
    }

    /// The solutions of the pattern after grouping, HAVING, projection
    /// expressions, ORDER BY, DISTINCT and OFFSET/LIMIT.
    mutating func solutions(of q: SPARQLQuery) -> SolutionTable {
        unused = q.unusedVariables
        columns = [:]
        for v in Self.variables(of: q) where columns[v] == nil { columns[v] = columns.count }
        let grouped = !q.groupBy.isEmpty || !q.aggregates.isEmpty
        var table: SolutionTable
        if case .bgp(let triples) = q.pattern, let needed = Self.rowsNeeded(q, grouped: grouped) {
            table = bgp(triples, .unit(width: width), limit: needed)
        } else {
            table = evaluate(q.pattern)
        }
        if grouped { table = group(table, q) }
        if case .select(let projections, _) = q.form {
            for p in projections {
                guard let e = p.expression, let c = columns[p.variable] else { continue }
                for n in 0..<table.count where !stopped {
                    if let v = value(e, table.row(n)) { table[row: n, column: c] = pool.number(v) }
                }
            }
        }
        if !q.orderBy.isEmpty {
            var keys: [[Term?]] = []
            keys.reserveCapacity(table.count)
            for n in 0..<table.count where !stopped { keys.append(q.orderBy.map { value($0.expression, table.row(n)) }) }
            let order = keys.indices.sorted { a, b in
                if stopped { return a < b }   // a consistent order that ends the sort quickly
                for (k, spec) in q.orderBy.enumerated() {
                    let c = Self.order(keys[a][k], keys[b][k])
                    if c != 0 { return spec.descending ? c > 0 : c < 0 }
                }
                return a < b
            }
            table = table.rows(order)
        }
        if case .select = q.form, q.distinct || q.reduced {
            // DISTINCT comes before OFFSET and LIMIT: project first, then slice.
            table = distinct(table, on: Self.projected(q).compactMap { columns[$0] })
        }
        if q.offset > 0 || q.limit != nil {
            let start = min(q.offset, table.count)
            let end = q.limit.map { min(table.count, start + $0) } ?? table.count
            table = table.rows(start..<end)
        }
        if let values = q.trailingValues { table = join(table, evaluate(values)) }
        return table
    }

    /// How many solutions of the pattern the query can show, when that is
    /// known before they are all found: one for ASK, OFFSET + LIMIT for a
    /// SELECT that neither groups, orders nor removes duplicates. A basic
    /// pattern stops there instead of finding every match.
    static func rowsNeeded(_ q: SPARQLQuery, grouped: Bool) -> Int? {
        guard !grouped, q.trailingValues == nil else { return nil }
        if case .ask = q.form { return 1 }
        guard case .select = q.form, let limit = q.limit, q.orderBy.isEmpty, !q.distinct, !q.reduced else { return nil }
        return q.offset + limit
    }

    /// The variables a SELECT shows, in order.
    static func projected(_ q: SPARQLQuery) -> [String] {
        guard case .select(let projections, let all) = q.form else { return [] }
        return all ? visibleVariables(q.pattern) : projections.map(\.variable)
    }

    /// The first of each set of rows that agree on `shown`, with every other column cleared.
    func distinct(_ table: SolutionTable, on shown: [Int]) -> SolutionTable {
        var out = SolutionTable(width: width)
        var row = [UInt32](repeating: SolutionTable.unbound, count: width)
        func keep(_ n: Int) { for c in shown { row[c] = table[row: n, column: c] }; out.append(row) }
        if shown.count == 1 {
            let c = shown[0]
            var seen = Set<UInt32>()
            for n in 0..<table.count where !stopped && seen.insert(table[row: n, column: c]).inserted { keep(n) }
        } else {
            var seen = Set<[UInt32]>()
            for n in 0..<table.count where !stopped && seen.insert(shown.map { table[row: n, column: $0] }).inserted { keep(n) }
        }
        return out
    }

    /// Every variable the query names at its own level: in patterns (blank
    /// nodes too), expressions, EXISTS, grouping, aggregates, projections
    /// and the variables a subquery projects (not the ones it hides).
    static func variables(of q: SPARQLQuery) -> [String] {
        var out: [String] = []
        func add(_ v: String) { if !v.isEmpty { out.append(v) } }
        func term(_ t: PatternTerm) { if case .variable(let v) = t { add(v) } }
        func expression(_ e: Expression?) {
            guard let e else { return }
            switch e {
            case .variable(let v), .aggregateResult(let v): add(v)
            case .constant: break
            case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
                expression(a); expression(b)
            case .not(let a), .negate(let a), .plus(let a): expression(a)
            case .in(let a, let list, _): expression(a); list.forEach(expression)
            case .call(_, let args): args.forEach(expression)
            case .exists(let p, _): pattern(p)
            }
        }
        func pattern(_ p: GraphPattern) {
            switch p {
            case .bgp(let ts): for t in ts { term(t.subject); term(t.predicate); term(t.object) }
            case .join(let a, let b), .union(let a, let b), .minus(let a, let b): pattern(a); pattern(b)
            case .leftJoin(let a, let b, let e): pattern(a); pattern(b); expression(e)
            case .filter(let e, let a): expression(e); pattern(a)
            case .extend(let a, let v, let e): pattern(a); add(v); expression(e)
            case .values(let vs, _): vs.forEach(add)
            case .subquery(let inner): projected(inner).forEach(add)
            }
        }
        pattern(q.pattern)
        switch q.form {
        case .select(let ps, _): for p in ps { add(p.variable); expression(p.expression) }
        case .construct(let template): for t in template { term(t.subject); term(t.predicate); term(t.object) }
        case .ask: break
        }
        for g in q.groupBy { expression(g.expression); g.variable.map(add) }
        q.having.forEach(expression)
        for o in q.orderBy { expression(o.expression) }
        for a in q.aggregates { add(a.variable); expression(a.aggregate.expression) }
        if let values = q.trailingValues { pattern(values) }
        return out
    }

    /// The variables a `SELECT *` shows: those of the pattern, in order of appearance, blank nodes left out.
    static func visibleVariables(_ p: GraphPattern) -> [String] {
        var out: [String] = []
        func add(_ v: String) { if !v.hasPrefix("_:") && !v.hasPrefix(" ") && !out.contains(v) { out.append(v) } }
        func walk(_ p: GraphPattern) {
            switch p {
            case .bgp(let ts):
                for t in ts { for x in [t.subject, t.predicate, t.object] { if case .variable(let v) = x, !v.isEmpty { add(v) } } }
            case .join(let a, let b), .union(let a, let b): walk(a); walk(b)
            case .leftJoin(let a, let b, _): walk(a); walk(b)
            case .minus(let a, _): walk(a)
            case .filter(_, let a): walk(a)
            case .extend(let a, let v, _): walk(a); add(v)
            case .values(let vs, _): vs.forEach(add)
            case .subquery(let q):
                if case .select(let ps, let all) = q.form { (all ? visibleVariables(q.pattern) : ps.map(\.variable)).forEach(add) }
            }
        }
        walk(p)
        return out
    }

    // MARK: patterns

    /// A pattern's solutions, bottom-up as the algebra defines them: each
    /// group is evaluated on its own and then joined, so a FILTER or BIND
    /// sees only the variables of its own group.
    mutating func evaluate(_ p: GraphPattern) -> SolutionTable {
        switch p {
        case .bgp(let triples):
            return bgp(triples, .unit(width: width))
        case .join(let a, let b):
            let left = evaluate(a)
            if left.isEmpty { return left }
            // A group after a basic pattern is evaluated on its own; a basic pattern after anything extends each solution.
            if case .bgp(let triples) = b { return bgp(triples, left) }
            return join(left, evaluate(b))
        case .leftJoin(let a, let b, let condition):
            let left = evaluate(a)
            if left.isEmpty { return left }
            return leftJoin(left, evaluate(b), condition)
        case .union(let a, let b):
            var out = evaluate(a)
            out.append(contentsOf: evaluate(b))
            _ = overflowing(out.count)
            return out
        case .minus(let a, let b):
            return minus(evaluate(a), evaluate(b))
        case .filter(let e, let a):
            return filter(evaluate(a), e)
        case .extend(let a, let v, let e):
            return extend(evaluate(a), v, e)
        case .values, .subquery:
            return substituted(p, .unit(width: width))
        }
    }

    /// A pattern's solutions that extend given ones (EXISTS substitutes the
    /// current solution's values into its pattern, §17.4.1.4).
    mutating func substituted(_ p: GraphPattern, _ input: SolutionTable) -> SolutionTable {
        switch p {
        case .bgp(let triples):
            return bgp(triples, input)
        case .join(let a, let b):
            return substituted(b, substituted(a, input))
        case .leftJoin(let a, let b, let condition):
            let left = substituted(a, input)
            var out = SolutionTable(width: width)
            for n in 0..<left.count where !stopped {
                var one = SolutionTable(width: width)
                one.append(row: n, of: left)
                let matches = filter(substituted(b, one), condition)
                if matches.isEmpty { out.append(contentsOf: one) } else { out.append(contentsOf: matches) }
            }
            return out
        case .union(let a, let b):
            var out = substituted(a, input)
            out.append(contentsOf: substituted(b, input))
            _ = overflowing(out.count)
            return out
        case .minus(let a, let b):
            return minus(substituted(a, input), substituted(b, .unit(width: width)))
        case .filter(let e, let a):
            return filter(substituted(a, input), e)
        case .extend(let a, let v, let e):
            return extend(substituted(a, input), v, e)
        case .values(let variables, let rows):
            var table = SolutionTable(width: width)
            var row = [UInt32](repeating: SolutionTable.unbound, count: width)
            for values in rows where !stopped {
                for (v, t) in zip(variables, values) {
                    if let c = columns[v] { row[c] = t.map(pool.number) ?? SolutionTable.unbound }
                }
                table.append(row)
            }
            return join(input, table)
        case .subquery(let q):
            var inner = SPARQLEvaluator(sharing: self)
            let rows = inner.solutions(of: q)
            // The subquery's projected variables, moved to this query's columns.
            let moved = Self.projected(q).compactMap { v in inner.columns[v].flatMap { from in columns[v].map { (from, $0) } } }
            var table = SolutionTable(width: width)
            var row = [UInt32](repeating: SolutionTable.unbound, count: width)
            for n in 0..<rows.count where !stopped {
                for (from, to) in moved { row[to] = rows[row: n, column: from] }
                table.append(row)
            }
            return join(input, table)
        }
    }

    /// The rows for which the condition's effective boolean value is true (all rows when there is none).
    func filter(_ table: SolutionTable, _ condition: Expression?) -> SolutionTable {
        guard let condition else { return table }
        var out = SolutionTable(width: width)
        for n in 0..<table.count where !stopped && effectiveBoolean(condition, table.row(n)) == true { out.append(row: n, of: table) }
        return out
    }

    /// BIND: each row with the expression's value in `variable`, where it has one.
    func extend(_ table: SolutionTable, _ variable: String, _ e: Expression) -> SolutionTable {
        guard let c = columns[variable] else { return table }
        var table = table
        for n in 0..<table.count where !stopped && table[row: n, column: c] == SolutionTable.unbound {
            if let t = value(e, table.row(n)) { table[row: n, column: c] = pool.number(t) }
        }
        return table
    }

    /// Joins two solution sequences on their shared variables.
    func join(_ a: SolutionTable, _ b: SolutionTable) -> SolutionTable {
        var out = SolutionTable(width: width)
        let partners = Self.partners(a, b)
        var merged = [UInt32](repeating: SolutionTable.unbound, count: width)
        for x in 0..<a.count where !stopped {
            let left = a.row(x)
            for y in partners(left) {
                if stopped { break }
                let right = b.row(y)
                guard left.isCompatible(with: right) else { continue }
                Self.merge(left, right, into: &merged)
                out.append(merged)
                if overflowing(out.count) { break }
            }
        }
        return out
    }

    /// OPTIONAL: each left row joined with the right rows that agree and pass the condition, or alone.
    func leftJoin(_ a: SolutionTable, _ b: SolutionTable, _ condition: Expression?) -> SolutionTable {
        var out = SolutionTable(width: width)
        let partners = Self.partners(a, b)
        var merged = [UInt32](repeating: SolutionTable.unbound, count: width)
        for x in 0..<a.count where !stopped {
            let left = a.row(x)
            var matched = false
            for y in partners(left) {
                if stopped { break }
                let right = b.row(y)
                guard left.isCompatible(with: right) else { continue }
                Self.merge(left, right, into: &merged)
                if let condition, effectiveBoolean(condition, SolutionRow(numbers: merged[...])) != true { continue }
                out.append(merged)
                matched = true
                if overflowing(out.count) { break }
            }
            if !matched { out.append(row: x, of: a) }
        }
        return out
    }

    /// MINUS: the left rows that no right row shares a bound variable with and agrees with.
    func minus(_ a: SolutionTable, _ b: SolutionTable) -> SolutionTable {
        var out = SolutionTable(width: width)
        let partners = Self.partners(a, b)
        for x in 0..<a.count where !stopped {
            let left = a.row(x)
            let removed = partners(left).contains { y in
                let right = b.row(y)
                var shared = false
                for c in 0..<width {
                    let l = left[c], r = right[c]
                    guard l != SolutionTable.unbound, r != SolutionTable.unbound else { continue }
                    if l != r { return false }
                    shared = true
                }
                return shared
            }
            if !removed { out.append(row: x, of: a) }
        }
        return out
    }

    static func merge(_ left: SolutionRow, _ right: SolutionRow, into merged: inout [UInt32]) {
        for c in 0..<merged.count {
            let l = left[c]
            merged[c] = l != SolutionTable.unbound ? l : right[c]
        }
    }

    /// For each left row, the right rows that may be compatible with it: a
    /// hash join on the columns bound in every row of both sides, or all of
    /// them when there are none (the caller checks compatibility).
    static func partners(_ left: SolutionTable, _ right: SolutionTable) -> (SolutionRow) -> [Int] {
        let l = left.columnsBoundEverywhere(), r = right.columnsBoundEverywhere()
        let keys = left.isEmpty || right.isEmpty ? [] : (0..<left.width).filter { l[$0] && r[$0] }
        guard !keys.isEmpty else {
            let all = Array(0..<right.count)
            return { _ in all }
        }
        if keys.count == 1 {
            let c = keys[0]
            var table: [UInt32: [Int]] = [:]
            for y in 0..<right.count { table[right[row: y, column: c], default: []].append(y) }
            return { row in table[row[c]] ?? [] }
        }
        var table: [[UInt32]: [Int]] = [:]
        for y in 0..<right.count { table[keys.map { right[row: y, column: $0] }, default: []].append(y) }
        return { row in table[keys.map { row[$0] }] ?? [] }
    }

    // MARK: basic graph patterns

    /// A triple pattern's position: a column to bind, a constant's number, or an unused variable (matches anything, binds nothing).
    enum Position {
        case column(Int)
        case constant(UInt32)
        case anonymous
    }

    /// The solutions of triple patterns extending each input row, most
    /// selective pattern first; no more than `limit` of them.
    func bgp(_ patterns: [TriplePattern], _ input: SolutionTable, limit: Int = .max) -> SolutionTable {
        // One past the cap is enough to know it was passed.
        let limit = solutionCap == .max ? limit : min(limit, solutionCap + 1)
        func position(_ p: PatternTerm) -> Position {
            switch p {
            case .term(let t): return .constant(pool.number(t))
            case .variable(let v):
                // Unused variables match anything and bind nothing.
                guard !v.isEmpty, !unused.contains(v), let c = columns[v] else { return .anonymous }
                return .column(c)
            }
        }
        // A language-tagged constant matches each spelling of its tag in the graph: one set of patterns per spelling.
        typealias Compiled = (s: Position, p: Position, o: Position, path: PropertyPath?)
        var variants: [[Compiled]] = [[]]
        for t in patterns {
            var objects = [position(t.object)]
            if case .term(let term) = t.object, case .literal(let l) = term, l.language != nil {
                let spellings = store.spellings(of: term)
                if !spellings.isEmpty { objects = spellings.map { .constant($0) } }
            }
            let s = position(t.subject), p = position(t.predicate)
            variants = variants.flatMap { v in objects.map { v + [(s: s, p: p, o: $0, path: t.path)] } }
        }
        var compiled = variants[0]
        let unbound = SolutionTable.unbound
        var out = SolutionTable(width: width)
        var row = [UInt32](repeating: unbound, count: width)
        var order = Array(compiled.indices)

        func number(_ p: Position) -> UInt32? {
            switch p {
            case .column(let c): return row[c] == unbound ? nil : row[c]
            case .constant(let n): return n
            case .anonymous: return nil
            }
        }
        /// Binds a free column or checks a bound one (a variable twice in one pattern).
        func bind(_ p: Position, _ n: UInt32) -> Bool {
            guard case .column(let c) = p else { return true }
            if row[c] == unbound { row[c] = n; return true }
            return row[c] == n
        }
        func extend(_ depth: Int) {
            guard depth < order.count else { out.append(row); return }
            // The most selective pattern given what is bound.
            var best = depth, bestCost = Int.max
            for i in depth..<order.count {
                let t = compiled[order[i]]
                let cost: Int
                if t.path != nil {
                    cost = number(t.s) != nil || number(t.o) != nil ? store.count / 2 + 1 : store.count * 2 + 2
                } else {
                    cost = store.count(number(t.s), number(t.p), number(t.o))
                }
                if cost < bestCost { best = i; bestCost = cost }
            }
            order.swapAt(depth, best)
            defer { order.swapAt(depth, best) }
            let t = compiled[order[depth]]
            // The columns this step binds: cleared again after each match.
            func free(_ p: Position) -> Int? {
                if case .column(let c) = p, row[c] == unbound { return c }
                return nil
            }
            let freeS = free(t.s), freeP = free(t.p), freeO = free(t.o)
            func reset() {
                if let c = freeS { row[c] = unbound }
                if let c = freeP { row[c] = unbound }
                if let c = freeO { row[c] = unbound }
            }
            if let path = t.path {
                for (s, o) in pathPairs(path, from: number(t.s), to: number(t.o)) {
                    if bind(t.s, s) && bind(t.o, o) { extend(depth + 1) }
                    reset()
                    if out.count >= limit || stopped { return }
                }
                return
            }
            for k in store.matches(number(t.s), number(t.p), number(t.o)) {
                if bind(t.s, k.s) && bind(t.p, k.p) && bind(t.o, k.o) { extend(depth + 1) }
                reset()
                if out.count >= limit || stopped { return }
            }
        }
        for n in 0..<input.count {
            for variant in variants where out.count < limit && !stopped {
                compiled = variant
                for c in 0..<width { row[c] = input[row: n, column: c] }
                extend(0)
            }
        }
        _ = overflowing(out.count)
        return out
    }

    // MARK: property paths

    /// The (start, end) pairs a path connects, given either end when bound.
    func pathPairs(_ path: PropertyPath, from: UInt32?, to: UInt32?) -> [(UInt32, UInt32)] {
        if let from {
            return reach(path, from).filter { to == nil || $0 == to }.map { (from, $0) }
        }
        if let to {
            return reach(.inverse(path), to).map { ($0, to) }
        }
        var out: [(UInt32, UInt32)] = []
        for s in store.nodeNumbers {
            if stopped || overflowing(out.count) { break }
            for e in reach(path, s) { out.append((s, e)) }
        }
        return out
    }

    /// The nodes a path reaches from `node`, without repeats.
    func reach(_ path: PropertyPath, _ node: UInt32) -> [UInt32] {
        switch path {
        case .iri(let p):
            guard let p = store.number(.iri(p)) else { return [] }
            var out: [UInt32] = []
            for k in store.matches(node, p, nil) { out.append(k.o) }
            return out
        case .inverse(let inner):
            switch inner {
            case .iri(let p):
                guard let p = store.number(.iri(p)) else { return [] }
                var out: [UInt32] = []
                for k in store.matches(nil, p, node) { out.append(k.s) }
                return out
            case .inverse(let x): return reach(x, node)
            case .sequence(let a, let b): return reach(.sequence(.inverse(b), .inverse(a)), node)
            case .alternative(let a, let b): return reach(.alternative(.inverse(a), .inverse(b)), node)
            case .zeroOrMore(let x): return reach(.zeroOrMore(.inverse(x)), node)
            case .oneOrMore(let x): return reach(.oneOrMore(.inverse(x)), node)
            case .zeroOrOne(let x): return reach(.zeroOrOne(.inverse(x)), node)
            case .negated(let f, let i): return reach(.negated(forward: i, inverse: f), node)
            }
        case .sequence(let a, let b):
            var out: [UInt32] = []
            for mid in reach(a, node) {
                if stopped { break }
                out += reach(b, mid)
            }
            return out   // a sequence keeps duplicates: each way through counts (SPARQL 1.1 §18.4)
        case .alternative(let a, let b):
            // Pairs joined by either path count once, as pyoxigraph and Jena count them.
            var seen = Set<UInt32>()
            return (reach(a, node) + reach(b, node)).filter { seen.insert($0).inserted }
        case .zeroOrOne(let x):
            var seen: [UInt32] = [node]
            for t in reach(x, node) where !seen.contains(t) { seen.append(t) }
            return seen
        case .zeroOrMore(let x), .oneOrMore(let x):
            var seen = Set<UInt32>()
            var order: [UInt32] = []
            var frontier = [node]
            if case .zeroOrMore = path { seen.insert(node); order.append(node) }
            while let n = frontier.popLast(), !stopped {
                for t in reach(x, n) where seen.insert(t).inserted {
                    order.append(t)
                    frontier.append(t)
                }
            }
            return order
        case .negated(let forward, let inverse):
            let f = Set(forward.compactMap { store.number(.iri($0)) })
            let i = Set(inverse.compactMap { store.number(.iri($0)) })
            var out: [UInt32] = []
            if !forward.isEmpty || inverse.isEmpty {
                for k in store.matches(node, nil, nil) where !f.contains(k.p) { out.append(k.o) }
            }
            if !inverse.isEmpty {
                for k in store.matches(nil, nil, node) where !i.contains(k.p) { out.append(k.s) }
            }
            return out
        }
    }

    // MARK: grouping

    /// GROUP BY and the aggregates: one row per group (in order of first
    /// appearance) with its keys and aggregate values, kept if HAVING holds.
    /// Rows are grouped by the numbers of their keys, so a key that is a
    /// variable costs no term at all.
    mutating func group(_ table: SolutionTable, _ q: SPARQLQuery) -> SolutionTable {
        let unbound = SolutionTable.unbound
        func key(_ e: Expression, _ n: Int) -> UInt32 {
            if case .variable(let v) = e, let c = columns[v] { return table[row: n, column: c] }
            return value(e, table.row(n)).map(pool.number) ?? unbound
        }
        var keys: [[UInt32]] = []
        var groups: [[Int]] = []
        if q.groupBy.count == 1 {
            let e = q.groupBy[0].expression
            var index: [UInt32: Int] = [:]
            for n in 0..<table.count where !stopped {
                let k = key(e, n)
                if let g = index[k] { groups[g].append(n); continue }
                index[k] = groups.count
                keys.append([k])
                groups.append([n])
            }
        } else {
            var index: [[UInt32]: Int] = [:]
            for n in 0..<table.count where !stopped {
                let k = q.groupBy.map { key($0.expression, n) }
                if let g = index[k] { groups[g].append(n); continue }
                index[k] = groups.count
                keys.append(k)
                groups.append([n])
            }
        }
        if q.groupBy.isEmpty && keys.isEmpty { keys = [[]]; groups = [[]] }   // one group, even of nothing
        var out = SolutionTable(width: width)
        var row = [UInt32](repeating: unbound, count: width)
        for (g, key) in keys.enumerated() where !stopped {
            for c in 0..<width { row[c] = unbound }
            for (k, spec) in q.groupBy.enumerated() where key[k] != unbound {
                if let name = spec.variable, let c = columns[name] { row[c] = key[k] }
                if case .variable(let name) = spec.expression, let c = columns[name] { row[c] = key[k] }
            }
            for (variable, aggregate) in q.aggregates {
                if let v = evaluate(aggregate, table, groups[g]), let c = columns[variable] { row[c] = pool.number(v) }
            }
            if q.having.allSatisfy({ effectiveBoolean($0, SolutionRow(numbers: row[...])) == true }) { out.append(row) }
        }
        return out
    }

    /// An aggregate over a group's rows.
    func evaluate(_ a: Aggregate, _ table: SolutionTable, _ members: [Int]) -> Term? {
        guard let e = a.expression else {
            // COUNT(*): the rows, or the distinct rows.
            guard a.distinct else { return Self.integer(members.count) }
            var seen = Set<ArraySlice<UInt32>>()
            for n in members { seen.insert(table.row(n).numbers) }
            return Self.integer(seen.count)
        }
        if a.name == "COUNT", case .variable(let v) = e, let c = columns[v] {
            // Counting a variable needs its numbers, not its terms.
            let bound = members.lazy.map { table[row: $0, column: c] }.filter { $0 != SolutionTable.unbound }
            return Self.integer(a.distinct ? Set(bound).count : bound.count)
        }
        var values: [Term] = []
        for n in members { if let v = value(e, table.row(n)) { values.append(v) } }
        if a.distinct { var seen = Set<Term>(); values = values.filter { seen.insert($0).inserted } }
        switch a.name {
        case "COUNT":
            return Self.integer(values.count)
        case "SUM":
            var total: Term = Self.integer(0)
            for v in values { guard let s = Self.arithmetic("+", total, v) else { return nil }; total = s }
            return total
        case "AVG":
            guard !values.isEmpty else { return Self.integer(0) }
            var total: Term = Self.integer(0)
            for v in values { guard let s = Self.arithmetic("+", total, v) else { return nil }; total = s }
            return Self.arithmetic("/", total, Self.integer(values.count))
        case "MIN": return values.min { Self.order($0, $1) < 0 }
        case "MAX": return values.max { Self.order($0, $1) < 0 }
        case "SAMPLE": return values.first
        case "GROUP_CONCAT":
            var parts: [String] = []
            for v in values { guard case .literal(let l) = v else { return nil }; parts.append(l.lexicalForm) }
            return .literal(Literal(parts.joined(separator: a.separator)))
        default: return nil
        }
    }
}
