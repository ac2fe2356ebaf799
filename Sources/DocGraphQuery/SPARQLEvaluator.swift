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
public struct SPARQLEvaluator {
    public let store: TripleStore
    var blankCounter = 0
    /// The query's ``SPARQLQuery/unusedVariables``: matched, never bound.
    var unused: Set<String> = []

    public init(store: TripleStore) { self.store = store }

    public mutating func run(_ q: SPARQLQuery) -> SPARQLResult {
        unused = q.unusedVariables
        let rows = solutions(of: q)
        switch q.form {
        case .ask:
            return .boolean(!rows.isEmpty)
        case .construct(let template):
            var out: [Triple] = []
            var seen = Set<Triple>()
            for (n, row) in rows.enumerated() {
                var blanks: [String: Term] = [:]
                func term(_ p: PatternTerm) -> Term? {
                    switch p {
                    case .term(let t): return t
                    case .variable(let v) where v.hasPrefix("_:"):
                        if let b = blanks[v] { return b }
                        let b = Term.blank(BlankNode("c\(n)_\(blanks.count)"))
                        blanks[v] = b
                        return b
                    case .variable(let v): return row[v]
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
            return .solutions(variables: variables, rows: rows.map { row in row.filter { variables.contains($0.key) } })
        }
    }

    /// The solutions of the pattern after grouping, HAVING, projection
    /// expressions, ORDER BY and OFFSET/LIMIT (DISTINCT is applied by the caller after projection).
    mutating func solutions(of q: SPARQLQuery) -> [Solution] {
        var rows = evaluate(q.pattern)
        let grouped = !q.groupBy.isEmpty || !q.aggregates.isEmpty
        if grouped { rows = group(rows, q) }
        if case .select(let projections, _) = q.form {
            for p in projections {
                guard let e = p.expression else { continue }
                rows = rows.map { row in
                    var r = row
                    if let v = value(e, row) { r[p.variable] = v }
                    return r
                }
            }
        }
        if !q.orderBy.isEmpty {
            let keys = rows.map { row in q.orderBy.map { value($0.expression, row) } }
            let order = rows.indices.sorted { a, b in
                for (k, spec) in q.orderBy.enumerated() {
                    let c = Self.order(keys[a][k], keys[b][k])
                    if c != 0 { return spec.descending ? c > 0 : c < 0 }
                }
                return a < b
            }
            rows = order.map { rows[$0] }
        }
        if case .select = q.form, q.distinct || q.reduced {
            // DISTINCT comes before OFFSET and LIMIT: project first, then slice.
            rows = Self.distinct(rows, on: Self.projected(q))
        }
        if q.offset > 0 { rows = Array(rows.dropFirst(q.offset)) }
        if let limit = q.limit { rows = Array(rows.prefix(limit)) }
        if let values = q.trailingValues { rows = join(rows, evaluate(values)) }
        return rows
    }

    /// The variables a SELECT shows, in order.
    static func projected(_ q: SPARQLQuery) -> [String] {
        guard case .select(let projections, let all) = q.form else { return [] }
        return all ? visibleVariables(q.pattern) : projections.map(\.variable)
    }

    /// The first of each set of rows that agree on `variables`, projected to them. Rows are
    /// compared by their values in a fixed order, which hashes far cheaper than whole
    /// dictionaries (whose hash must not depend on order).
    static func distinct(_ rows: [Solution], on variables: [String]) -> [Solution] {
        func projected(_ row: Solution) -> Solution {
            var out: Solution = [:]
            for v in variables { if let t = row[v] { out[v] = t } }
            return out
        }
        if variables.count == 1 {
            let v = variables[0]
            var seen = Set<Term?>()
            return rows.compactMap { row in seen.insert(row[v]).inserted ? projected(row) : nil }
        }
        var seen = Set<[Term?]>()
        return rows.compactMap { row in seen.insert(variables.map { row[$0] }).inserted ? projected(row) : nil }
    }

    static func distinct(_ rows: [Solution]) -> [Solution] {
        var seen = Set<Solution>()
        return rows.filter { seen.insert($0).inserted }
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
    mutating func evaluate(_ p: GraphPattern) -> [Solution] {
        switch p {
        case .bgp(let triples):
            return bgp(triples, [:])
        case .join(let a, let b):
            let left = evaluate(a)
            if left.isEmpty { return [] }
            // A group after a basic pattern is evaluated on its own; a basic pattern after anything extends each solution.
            if case .bgp(let triples) = b { return left.flatMap { bgp(triples, $0) } }
            return join(left, evaluate(b))
        case .leftJoin(let a, let b, let condition):
            let left = evaluate(a)
            if left.isEmpty { return [] }
            let right = evaluate(b)
            let partners = Self.partners(left, right)
            var out: [Solution] = []
            for l in left {
                var matched = false
                for r in partners(l) where r.allSatisfy({ k, v in l[k] == nil || l[k] == v }) {
                    let merged = l.merging(r) { x, _ in x }
                    if let condition, effectiveBoolean(condition, merged) != true { continue }
                    out.append(merged)
                    matched = true
                }
                if !matched { out.append(l) }
            }
            return out
        case .union(let a, let b):
            return evaluate(a) + evaluate(b)
        case .minus(let a, let b):
            let left = evaluate(a)
            let right = evaluate(b)
            return left.filter { l in
                !right.contains { r in
                    let shared = Set(l.keys).intersection(r.keys)
                    return !shared.isEmpty && shared.allSatisfy { l[$0] == r[$0] }
                }
            }
        case .filter(let e, let a):
            return evaluate(a).filter { effectiveBoolean(e, $0) == true }
        case .extend(let a, let v, let e):
            return evaluate(a).map { row in
                var r = row
                if r[v] == nil, let t = value(e, row) { r[v] = t }
                return r
            }
        case .values, .subquery:
            return substituted(p, [[:]])
        }
    }

    /// A pattern's solutions that extend given ones (EXISTS substitutes the
    /// current solution's values into its pattern, §17.4.1.4).
    mutating func substituted(_ p: GraphPattern, _ input: [Solution]) -> [Solution] {
        switch p {
        case .bgp(let triples):
            return input.flatMap { bgp(triples, $0) }
        case .join(let a, let b):
            return substituted(b, substituted(a, input))
        case .leftJoin(let a, let b, let condition):
            var out: [Solution] = []
            for left in substituted(a, input) {
                let matches = substituted(b, [left]).filter { row in condition.map { effectiveBoolean($0, row) == true } ?? true }
                out += matches.isEmpty ? [left] : matches
            }
            return out
        case .union(let a, let b):
            return substituted(a, input) + substituted(b, input)
        case .minus(let a, let b):
            let right = substituted(b, [[:]])
            return substituted(a, input).filter { left in
                !right.contains { r in
                    let shared = Set(left.keys).intersection(r.keys)
                    return !shared.isEmpty && shared.allSatisfy { left[$0] == r[$0] }
                }
            }
        case .filter(let e, let a):
            return substituted(a, input).filter { effectiveBoolean(e, $0) == true }
        case .extend(let a, let v, let e):
            return substituted(a, input).map { row in
                var r = row
                if r[v] == nil, let t = value(e, row) { r[v] = t }
                return r
            }
        case .values(let variables, let rows):
            var out: [Solution] = []
            for row in input {
                for values in rows {
                    var r = row
                    var ok = true
                    for (v, t) in zip(variables, values) {
                        guard let t else { continue }
                        if let existing = r[v], existing != t { ok = false; break }
                        r[v] = t
                    }
                    if ok { out.append(r) }
                }
            }
            return out
        case .subquery(let q):
            var inner = self
            let rows: [Solution]
            switch inner.run(q) {
            case .solutions(_, let r): rows = r
            default: rows = []
            }
            return join(input, rows)
        }
    }

    /// Joins two solution sequences on their shared variables.
    func join(_ a: [Solution], _ b: [Solution]) -> [Solution] {
        let partners = Self.partners(a, b)
        var out: [Solution] = []
        for x in a {
            for y in partners(x) where y.allSatisfy({ k, v in x[k] == nil || x[k] == v }) { out.append(x.merging(y) { l, _ in l }) }
        }
        return out
    }

    /// For each left solution, the right ones that may be compatible with it:
    /// a hash join on the variables bound in every solution of both sides,
    /// or all of them when there are none (the caller checks compatibility).
    static func partners(_ left: [Solution], _ right: [Solution]) -> (Solution) -> [Solution] {
        guard let l0 = left.first, let r0 = right.first else { return { _ in right } }
        var keys = Set(l0.keys).intersection(r0.keys)
        for l in left where !keys.isEmpty { keys.formIntersection(l.keys) }
        for r in right where !keys.isEmpty { keys.formIntersection(r.keys) }
        guard !keys.isEmpty else { return { _ in right } }
        let ordered = keys.sorted()
        var table: [[Term]: [Solution]] = [:]
        for r in right { table[ordered.map { r[$0]! }, default: []].append(r) }
        return { l in table[ordered.map { l[$0]! }] ?? [] }
    }

    /// The solutions of triple patterns extending `start`, most selective pattern first.
    func bgp(_ patterns: [TriplePattern], _ start: Solution) -> [Solution] {
        // Unused variables become the anonymous variable "", which matches anything and binds nothing.
        let patterns = unused.isEmpty ? patterns : patterns.map { t in
            var t = t
            func forget(_ p: inout PatternTerm) { if case .variable(let v) = p, unused.contains(v) { p = .variable("") } }
            forget(&t.subject)
            forget(&t.predicate)
            forget(&t.object)
            return t
        }
        var results: [Solution] = []
        func bound(_ p: PatternTerm, _ row: Solution) -> Term? {
            switch p {
            case .term(let t): return t
            case .variable(let v): return row[v]
            }
        }
        func extend(_ remaining: [TriplePattern], _ row: Solution) {
            guard !remaining.isEmpty else { results.append(row); return }
            // The most selective pattern given what is bound.
            var best = 0, bestCost = Int.max
            for (i, t) in remaining.enumerated() {
                let cost: Int
                if t.path != nil {
                    cost = bound(t.subject, row) != nil || bound(t.object, row) != nil ? store.count / 2 + 1 : store.count * 2 + 2
                } else {
                    cost = store.estimate(subject: bound(t.subject, row), predicate: bound(t.predicate, row)?.iri, object: bound(t.object, row))
                }
                if cost < bestCost { best = i; bestCost = cost }
            }
            let t = remaining[best]
            var rest = remaining
            rest.remove(at: best)
            if let path = t.path {
                for (s, o) in pathPairs(path, from: bound(t.subject, row), to: bound(t.object, row)) {
                    var r = row
                    if !bind(t.subject, s, &r) || !bind(t.object, o, &r) { continue }
                    extend(rest, r)
                }
                return
            }
            let predicate = bound(t.predicate, row)
            if let predicate, predicate.iri == nil { return }
            store.match(subject: bound(t.subject, row), predicate: predicate?.iri, object: bound(t.object, row)) { triple in
                var r = row
                guard bind(t.subject, triple.subject.term, &r), bind(t.predicate, .iri(triple.predicate), &r),
                      bind(t.object, triple.object, &r) else { return }
                extend(rest, r)
            }
        }
        // Room for every variable up front: each solution copies the start row's storage
        // and would otherwise grow it (rehashing) as the patterns bind.
        var names = Set<String>()
        for t in patterns { for x in [t.subject, t.predicate, t.object] { if case .variable(let v) = x, !v.isEmpty { names.insert(v) } } }
        var first = start
        first.reserveCapacity(start.count + names.count)
        extend(patterns, first)
        return results
    }

    /// Binds a variable (or checks a constant); false when it conflicts.
    func bind(_ p: PatternTerm, _ t: Term, _ row: inout Solution) -> Bool {
        switch p {
        case .term(let c): return c == t
        case .variable(let v):
            if v.isEmpty { return true }   // the anonymous variable of an unused one
            if let existing = row[v] { return existing == t }
            row[v] = t
            return true
        }
    }

    // MARK: property paths

    /// The (start, end) pairs a path connects, given either end when bound.
    func pathPairs(_ path: PropertyPath, from: Term?, to: Term?) -> [(Term, Term)] {
        if let from {
            return reach(path, from).filter { to == nil || $0 == to }.map { (from, $0) }
        }
        if let to {
            return reach(.inverse(path), to).map { ($0, to) }
        }
        var out: [(Term, Term)] = []
        for s in store.nodes { for e in reach(path, s) { out.append((s, e)) } }
        return out
    }

    /// The nodes a path reaches from `node`, without repeats.
    func reach(_ path: PropertyPath, _ node: Term) -> [Term] {
        switch path {
        case .iri(let p):
            var out: [Term] = []
            store.match(subject: node, predicate: p, object: nil) { out.append($0.object) }
            return out
        case .inverse(let inner):
            switch inner {
            case .iri(let p):
                var out: [Term] = []
                store.match(subject: nil, predicate: p, object: node) { out.append($0.subject.term) }
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
            var out: [Term] = []
            for mid in reach(a, node) { out += reach(b, mid) }
            return out   // a sequence keeps duplicates: each way through counts (SPARQL 1.1 §18.4)
        case .alternative(let a, let b):
            // Pairs joined by either path count once, as pyoxigraph and Jena count them.
            var seen = Set<Term>()
            return (reach(a, node) + reach(b, node)).filter { seen.insert($0).inserted }
        case .zeroOrOne(let x):
            var seen: [Term] = [node]
            for t in reach(x, node) where !seen.contains(t) { seen.append(t) }
            return seen
        case .zeroOrMore(let x), .oneOrMore(let x):
            var seen = Set<Term>()
            var order: [Term] = []
            var frontier = [node]
            if case .zeroOrMore = path { seen.insert(node); order.append(node) }
            while let n = frontier.popLast() {
                for t in reach(x, n) where seen.insert(t).inserted {
                    order.append(t)
                    frontier.append(t)
                }
            }
            return order
        case .negated(let forward, let inverse):
            var out: [Term] = []
            if !forward.isEmpty || inverse.isEmpty {
                store.match(subject: node, predicate: nil, object: nil) { t in if !forward.contains(t.predicate) { out.append(t.object) } }
            }
            if !inverse.isEmpty {
                store.match(subject: nil, predicate: nil, object: node) { t in if !inverse.contains(t.predicate) { out.append(t.subject.term) } }
            }
            return out
        }
    }

    // MARK: grouping

    mutating func group(_ rows: [Solution], _ q: SPARQLQuery) -> [Solution] {
        // Groups in order of first appearance; one hash per row, and no key array for one key.
        var keys: [[Term?]] = []
        var groups: [[Solution]] = []
        if q.groupBy.count == 1 {
            let e = q.groupBy[0].expression
            var index: [Term?: Int] = [:]
            for row in rows {
                let key = value(e, row)
                if let n = index[key] { groups[n].append(row); continue }
                index[key] = groups.count
                keys.append([key])
                groups.append([row])
            }
        } else {
            var index: [[Term?]: Int] = [:]
            for row in rows {
                let key = q.groupBy.map { value($0.expression, row) }
                if let n = index[key] { groups[n].append(row); continue }
                index[key] = groups.count
                keys.append(key)
                groups.append([row])
            }
        }
        if q.groupBy.isEmpty && keys.isEmpty { keys = [[]]; groups = [[]] }   // one group, even of nothing
        var out: [Solution] = []
        for (n, key) in keys.enumerated() {
            let group = groups[n]
            var row: Solution = [:]
            for (k, spec) in q.groupBy.enumerated() {
                if let v = key[k] {
                    if let name = spec.variable { row[name] = v }
                    if case .variable(let name) = spec.expression { row[name] = v }
                }
            }
            for (variable, aggregate) in q.aggregates {
                if let v = evaluate(aggregate, group) { row[variable] = v }
            }
            if q.having.allSatisfy({ effectiveBoolean($0, row) == true }) { out.append(row) }
        }
        return out
    }

    func evaluate(_ a: Aggregate, _ group: [Solution]) -> Term? {
        var values: [Term] = []
        if let e = a.expression {
            for row in group { if let v = value(e, row) { values.append(v) } }
        }
        if a.distinct { var seen = Set<Term>(); values = values.filter { seen.insert($0).inserted } }
        switch a.name {
        case "COUNT":
            let n = a.expression == nil ? (a.distinct ? Self.distinct(group).count : group.count) : values.count
            return Self.integer(n)
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
