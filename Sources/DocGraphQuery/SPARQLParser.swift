import DocGraphModel
import DocGraphRDF
import Foundation

/// A SPARQL syntax error: where, and what was expected there.
public struct SPARQLSyntaxError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// The query line and a caret under the offending token.
    public var excerpt: String
    public var description: String { "\(line):\(column): error: \(message)\n\(excerpt)" }
}

/// Parses SPARQL 1.1 queries (SELECT, ASK, CONSTRUCT) into ``SPARQLQuery``.
public struct SPARQLParser {
    public static func parse(_ text: String) throws(SPARQLSyntaxError) -> SPARQLQuery {
        var p = SPARQLParser(text: text)
        do {
            return try p.query()
        } catch let e as SPARQLSyntaxError {
            throw e
        } catch {
            throw p.error("\(error)")
        }
    }

    // MARK: tokens

    enum Token: Equatable {
        case iri(String)
        case prefixed(prefix: String, local: String)
        case variable(String)
        case string(String)
        case langTag(String)
        case integer(String), decimal(String), double(String)
        case word(String)      // keywords and function names, as written
        case blank(String)     // _:label
        case symbol(String)    // punctuation and operators
        case end
    }

    let text: [Unicode.Scalar]
    var tokens: [(Token, Int)] = []   // token and its offset
    var k = 0
    var prefixes: [String: String] = [:]
    var base: String?
    var blankCounter = 0
    /// The basic graph pattern being read, and the one each blank node label
    /// was first used in: a label may not be shared by two (SPARQL 1.1 §4.1.4).
    var currentBGP = 0, bgpCounter = 0
    var blankLabelBGP: [String: Int] = [:]
    /// Whether something reads every variable (`SELECT *`, `CONSTRUCT WHERE`, `COUNT(DISTINCT *)`).
    var everyVariableShown = false
    /// How deeply groups, expressions, paths and nested terms enclose the
    /// current token: each level is a recursive call, so it is bounded.
    var depth = 0
    var aggregates: [(variable: String, aggregate: Aggregate)] = []
    /// Features read but not evaluated; a query using one is refused before it runs.
    var unsupported: [String] = []

    init(text: String) {
        self.text = Array(text.unicodeScalars)
    }

    /// Scalars of the query as a string, through UTF-8 (building a
    /// `String.UnicodeScalarView` scalar by scalar costs several times more).
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for u in scalars { UTF8.encode(u) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    func position(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1, col = 1
        for u in text[..<min(offset, text.count)] { if u == "\n" { line += 1; col = 1 } else { col += 1 } }
        return (line, col)
    }

    /// The deepest nesting accepted (no real query comes near it).
    public static let maximumDepth = 128

    mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels (the limit)") }
    }

    func error(_ message: String, at offset: Int? = nil) -> SPARQLSyntaxError {
        let at = offset ?? (k < tokens.count ? tokens[k].1 : text.count)
        let (line, col) = position(at)
        // The line, found by scalars as `position` counts them (splitting a String would join
        // "\r\n" into one character and lose count), then a window of it around the column:
        // a long (or hostile) line is cut, with … marking the cuts.
        let start = text[..<min(at, text.count)].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let end = text[start...].firstIndex(of: "\n") ?? text.count
        let whole = Array(text[start..<end]).map { $0 == "\r" ? " " : $0 }
        let from = min(max(0, col - 1 - 60), whole.count), to = min(whole.count, max(from, col - 1 + 60))
        let source = (from > 0 ? "…" : "") + String(String.UnicodeScalarView(whole[from..<to])) + (to < whole.count ? "…" : "")
        let before = (from > 0 ? ["…"] : []) + whole[from..<max(from, min(col - 1, whole.count))]
        let pad = String(before.map { u -> Character in u == "\t" ? "\t" : (ResultTable.width(of: u) == 2 ? "　" : " ") })
        return SPARQLSyntaxError(line: line, column: col, message: message, excerpt: "  " + source + "\n  " + pad + "^")
    }

    static let twoCharacterOperators: [(Unicode.Scalar, Unicode.Scalar, String)] =
        [("&", "&", "&&"), ("|", "|", "||"), ("!", "=", "!="), ("<", "=", "<="), (">", "=", ">="), ("^", "^", "^^")]

    mutating func tokenize() throws(SPARQLSyntaxError) {
        var i = 0
        let t = text
        func isNameStart(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic || u == "_" || u.value >= 0x80 }
        func isName(_ u: Unicode.Scalar) -> Bool { isNameStart(u) || ("0"..."9").contains(u) || u == "-" || u == "." || u == "·" }
        while i < t.count {
            let u = t[i]
            if u == " " || u == "\t" || u == "\n" || u == "\r" { i += 1; continue }
            if u == "#" { while i < t.count && t[i] != "\n" { i += 1 }; continue }
            let start = i
            if u == "<" {
                // An IRI if it closes before white space, else the less-than operator.
                var j = i + 1
                while j < t.count && t[j] != ">" && !" \t\n<\"{}|^`".unicodeScalars.contains(t[j]) { j += 1 }
                if j < t.count && t[j] == ">" {
                    tokens.append((.iri(Self.string(t[(i + 1)..<j])), start))
                    i = j + 1
                    continue
                }
            }
            if u == "?" || u == "$", i + 1 < t.count, isNameStart(t[i + 1]) || ("0"..."9").contains(t[i + 1]) {
                var j = i + 1
                while j < t.count && (isNameStart(t[j]) || ("0"..."9").contains(t[j]) || t[j] == "·") { j += 1 }
                tokens.append((.variable(Self.string(t[(i + 1)..<j])), start))
                i = j
                continue
            }
            if u == "\"" || u == "'" {
                let long = i + 2 < t.count && t[i + 1] == u && t[i + 2] == u
                var j = i + (long ? 3 : 1)
                var out = String.UnicodeScalarView()
                while true {
                    guard j < t.count else { throw error("unclosed string", at: start) }
                    if t[j] == u && (!long || (j + 2 < t.count && t[j + 1] == u && t[j + 2] == u)) {
                        if long { while j + 3 < t.count && t[j + 3] == u { out.append(u); j += 1 } }
                        j += long ? 3 : 1
                        break
                    }
                    if t[j] == "\\" && j + 1 < t.count {
                        switch t[j + 1] {
                        case "t": out.append("\t")
                        case "n": out.append("\n")
                        case "r": out.append("\r")
                        case "b": out.append("\u{8}")
                        case "f": out.append("\u{C}")
                        case "\"", "'", "\\": out.append(t[j + 1])
                        case "u", "U":
                            let n = t[j + 1] == "u" ? 4 : 8
                            guard j + 2 + n <= t.count, let v = UInt32(Self.string(t[(j + 2)..<(j + 2 + n)]), radix: 16),
                                  let s = Unicode.Scalar(v) else { throw error("invalid \\u escape", at: j) }
                            out.append(s)
                            j += 2 + n
                            continue
                        default: throw error("invalid escape '\\\(t[j + 1])'", at: j)
                        }
                        j += 2
                        continue
                    }
                    if !long && (t[j] == "\n" || t[j] == "\r") { throw error("line break in a string", at: j) }
                    out.append(t[j])
                    j += 1
                }
                tokens.append((.string(String(out)), start))
                i = j
                continue
            }
            if u == "@" {
                var j = i + 1
                while j < t.count && (t[j].properties.isAlphabetic || t[j] == "-" || ("0"..."9").contains(t[j])) { j += 1 }
                tokens.append((.langTag(Self.string(t[(i + 1)..<j])), start))
                i = j
                continue
            }
            if ("0"..."9").contains(u) || (u == "." && i + 1 < t.count && ("0"..."9").contains(t[i + 1])) {
                var j = i
                while j < t.count && ("0"..."9").contains(t[j]) { j += 1 }
                var kind = 0
                if j < t.count && t[j] == "." && j + 1 < t.count && ("0"..."9").contains(t[j + 1]) {
                    j += 1
                    while j < t.count && ("0"..."9").contains(t[j]) { j += 1 }
                    kind = 1
                }
                if j < t.count && (t[j] == "e" || t[j] == "E") {
                    var e = j + 1
                    if e < t.count && (t[e] == "+" || t[e] == "-") { e += 1 }
                    if e < t.count && ("0"..."9").contains(t[e]) {
                        j = e
                        while j < t.count && ("0"..."9").contains(t[j]) { j += 1 }
                        kind = 2
                    }
                }
                let s = Self.string(t[i..<j])
                tokens.append((kind == 0 ? .integer(s) : kind == 1 ? .decimal(s) : .double(s), start))
                i = j
                continue
            }
            if u == "_" && i + 1 < t.count && t[i + 1] == ":" {
                var j = i + 2
                while j < t.count && isName(t[j]) { j += 1 }
                while j > i + 2 && t[j - 1] == "." { j -= 1 }
                tokens.append((.blank(Self.string(t[(i + 2)..<j])), start))
                i = j
                continue
            }
            if isNameStart(u) || u == ":" {
                var j = i
                while j < t.count && (isName(t[j])) { j += 1 }
                if j < t.count && t[j] == ":" {
                    let prefix = Self.string(t[i..<j])
                    j += 1
                    let ls = j
                    while j < t.count && (isName(t[j]) || t[j] == ":" || t[j] == "%" || (t[j] == "\\" && j + 1 < t.count)) {
                        if t[j] == "\\" && !"_~.-!$&'()*+,;=/?#@%".unicodeScalars.contains(t[j + 1]) {
                            throw error("'\\\(t[j + 1])' is not an escape a prefixed name may use", at: j)
                        }
                        j += t[j] == "\\" ? 2 : 1
                    }
                    // A name does not end in '.', unless the dot is escaped (`:a\.`).
                    while j > ls && t[j - 1] == "." && !(j - 2 >= ls && t[j - 2] == "\\") { j -= 1 }
                    let local = Self.string(t[ls..<j].filter { $0 != "\\" })   // an escape keeps the character after the backslash
                    tokens.append((.prefixed(prefix: prefix, local: local), start))
                } else {
                    tokens.append((.word(Self.string(t[i..<j])), start))
                }
                i = j
                continue
            }
            if i + 1 < t.count, let op = Self.twoCharacterOperators.first(where: { $0.0 == u && $0.1 == t[i + 1] }) {
                tokens.append((.symbol(op.2), start))
                i += 2
                continue
            }
            guard "{}()[].,;*/|^+?!=<>-".unicodeScalars.contains(u) else { throw error("unexpected character '\(u)'", at: i) }
            tokens.append((.symbol(String(u)), start))
            i += 1
        }
        tokens.append((.end, t.count))
    }

    // MARK: helpers

    var token: Token { tokens[k].0 }

    func isWord(_ w: String) -> Bool {
        if case .word(let x) = token { return x.uppercased() == w }
        return false
    }

    func isSymbol(_ s: String) -> Bool { token == .symbol(s) }

    mutating func accept(_ word: String) -> Bool {
        if isWord(word) { k += 1; return true }
        return false
    }

    mutating func acceptSymbol(_ s: String) -> Bool {
        if isSymbol(s) { k += 1; return true }
        return false
    }

    mutating func expectSymbol(_ s: String, _ context: String = "") throws(SPARQLSyntaxError) {
        guard acceptSymbol(s) else { throw error("expected '\(s)'\(context.isEmpty ? "" : " " + context), found \(describe(token))") }
    }

    func describe(_ t: Token) -> String {
        switch t {
        case .iri(let s): return "<\(s)>"
        case .prefixed(let p, let l): return "'\(p):\(l)'"
        case .variable(let v): return "?\(v)"
        case .string(let s): return "\"\(s)\""
        case .langTag(let s): return "@\(s)"
        case .integer(let s), .decimal(let s), .double(let s): return s
        case .word(let w): return "'\(w)'"
        case .blank(let b): return "_:\(b)"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the query"
        }
    }

    func resolve(_ iri: String) -> IRI {
        if IRI.isAbsolute(iri) { return IRI(unchecked: iri) }
        return IRI(unchecked: base.map { IRIResolver.resolve(iri, against: $0) } ?? iri)
    }

    mutating func iri() throws(SPARQLSyntaxError) -> IRI {
        switch token {
        case .iri(let s): k += 1; return resolve(s)
        case .prefixed(let p, let l):
            guard let ns = prefixes[p] else { throw error("unknown prefix '\(p):' (declare it with PREFIX \(p): <…>)") }
            k += 1
            return IRI(unchecked: ns + l)
        default: throw error("expected an IRI, found \(describe(token))")
        }
    }

    // MARK: query

    mutating func query() throws -> SPARQLQuery {
        try tokenize()
        while true {
            if accept("PREFIX") {
                guard case .prefixed(let p, let l) = token, l.isEmpty else { throw error("expected a prefix name such as 'ex:'") }
                k += 1
                guard case .iri(let ns) = token else { throw error("expected <namespace IRI> after PREFIX \(p):") }
                k += 1
                prefixes[p] = resolve(ns).string
            } else if accept("BASE") {
                guard case .iri(let b) = token else { throw error("expected <IRI> after BASE") }
                k += 1
                base = resolve(b).string
            } else {
                break
            }
        }
        var q = try queryBody()
        if accept("VALUES") { q.trailingValues = try valuesBlock() }
        guard token == .end else { throw error("unexpected \(describe(token)) after the query") }
        q.unsupported = unsupported
        q.aggregates = aggregates
        try validateGrouping(q, at: 0)
        if !everyVariableShown && !tokens.contains(where: { $0.0 == .word("EXISTS") || $0.0 == .word("exists") }) {
            // Written once in the text and standing in one triple pattern (`;` and `,` repeat a
            // subject written once, and EXISTS patterns are not walked, so queries with it keep all).
            var written: [String: Int] = [:]
            for case (.variable(let v), _) in tokens { written[v, default: 0] += 1 }
            var inPatterns: [String: Int] = [:]
            func walk(_ p: GraphPattern) {
                switch p {
                case .bgp(let triples):
                    for t in triples {
                        for x in [t.subject, t.predicate, t.object] { if case .variable(let v) = x { inPatterns[v, default: 0] += 1 } }
                    }
                case .join(let a, let b), .union(let a, let b), .minus(let a, let b), .leftJoin(let a, let b, _): walk(a); walk(b)
                case .filter(_, let a), .extend(let a, _, _): walk(a)
                case .values: break
                case .subquery(let sub): walk(sub.pattern)
                }
            }
            walk(q.pattern)
            q.unusedVariables = Set(written.filter { $0.value == 1 && inPatterns[$0.key] == 1 }.keys)
        }
        return q
    }

    /// In a grouped query, only group variables (and aggregates) may be
    /// projected (§11.4): `SELECT ?x … GROUP BY ?y` is an error.
    func validateGrouping(_ q: SPARQLQuery, at offset: Int) throws(SPARQLSyntaxError) {
        // `(expr AS ?x)` must name a new variable: not one the pattern binds, not one named twice (§18.2.1).
        if case .select(let projections, _) = q.form {
            let inPattern = Set(SPARQLEvaluator.visibleVariables(q.pattern))
            var named = Set<String>()
            for p in projections {
                if p.expression != nil && inPattern.contains(p.variable) {
                    throw error("?\(p.variable) is already bound by the pattern; AS must name a new variable", at: offset)
                }
                if !named.insert(p.variable).inserted && p.expression != nil {
                    throw error("?\(p.variable) is projected twice", at: offset)
                }
            }
        }
        guard case .select(let projections, let all) = q.form, !q.groupBy.isEmpty || !q.aggregates.isEmpty else { return }
        if all { throw error("SELECT * cannot be used with GROUP BY or aggregates", at: offset) }
        var allowed = Set<String>()
        for g in q.groupBy {
            if let v = g.variable { allowed.insert(v) }
            if case .variable(let v) = g.expression { allowed.insert(v) }
        }
        func variables(_ e: Expression) -> [String] {
            switch e {
            case .variable(let v): return [v]
            case .constant, .aggregateResult, .exists: return []
            case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b): return variables(a) + variables(b)
            case .not(let a), .negate(let a), .plus(let a): return variables(a)
            case .in(let a, let list, _): return variables(a) + list.flatMap(variables)
            case .call(_, let args): return args.flatMap(variables)
            }
        }
        for p in projections {
            let used = p.expression.map(variables) ?? [p.variable]
            if let bad = used.first(where: { !allowed.contains($0) }) {
                throw error("?\(bad) is projected but is not a GROUP BY variable: group by it, or wrap it in an aggregate such as SAMPLE(?\(bad))", at: offset)
            }
            if p.expression != nil { allowed.insert(p.variable) }
        }
    }

    mutating func queryBody() throws -> SPARQLQuery {
        var q: SPARQLQuery
        if accept("SELECT") {
            q = SPARQLQuery(form: .ask, pattern: .bgp([]))
            if accept("DISTINCT") { q.distinct = true } else if accept("REDUCED") { q.reduced = true }
            var projections: [SPARQLQuery.Projection] = []
            var all = false
            if acceptSymbol("*") {
                all = true
                everyVariableShown = true
            } else {
                while true {
                    if case .variable(let v) = token {
                        k += 1
                        projections.append(.init(variable: v, expression: nil))
                    } else if acceptSymbol("(") {
                        let e = try expression()
                        guard accept("AS") else { throw error("expected AS in a projected expression") }
                        guard case .variable(let v) = token else { throw error("expected a variable after AS") }
                        k += 1
                        try expectSymbol(")")
                        projections.append(.init(variable: v, expression: e))
                    } else {
                        break
                    }
                }
                guard !projections.isEmpty else { throw error("expected variables or '*' after SELECT, found \(describe(token))") }
            }
            q.form = .select(variables: projections, all: all)
        } else if accept("ASK") {
            q = SPARQLQuery(form: .ask, pattern: .bgp([]))
        } else if accept("CONSTRUCT") {
            q = SPARQLQuery(form: .ask, pattern: .bgp([]))
            if isWord("WHERE") {
                everyVariableShown = true   // the pattern is the template
                k += 1
                let start = k
                let pattern = try groupGraphPattern()
                guard case .bgp(let triples) = pattern else {
                    throw error("CONSTRUCT WHERE takes triple patterns only", at: tokens[start].1)
                }
                q.form = .construct(template: triples)
                q.pattern = pattern
                try solutionModifiers(&q)
                return q
            }
            try datasetClauses()
            if isWord("WHERE") {
                everyVariableShown = true
                k += 1
                let pattern = try groupGraphPattern()
                guard case .bgp(let triples) = pattern else { throw error("CONSTRUCT WHERE takes triple patterns only") }
                q.form = .construct(template: triples)
                q.pattern = pattern
                try solutionModifiers(&q)
                return q
            }
            try expectSymbol("{", "to open the CONSTRUCT template")
            var template: [TriplePattern] = []
            if !isSymbol("}") { try triplesBlock(&template, allowPaths: false) }
            try expectSymbol("}", "to close the CONSTRUCT template")
            q.form = .construct(template: template)
        } else if accept("DESCRIBE") {
            q = SPARQLQuery(form: .ask, pattern: .bgp([]))
            unsupported.append("DESCRIBE (use the describe command, or CONSTRUCT)")
            if !acceptSymbol("*") {
                while true {
                    if case .variable = token { k += 1; continue }
                    if case .iri = token { k += 1; continue }
                    if case .prefixed = token { _ = try iri(); continue }
                    break
                }
            }
            try datasetClauses()
            if isWord("WHERE") || isSymbol("{") {
                _ = accept("WHERE")
                q.pattern = try groupGraphPattern()
            }
            try solutionModifiers(&q)
            return q
        } else {
            throw error("expected SELECT, ASK or CONSTRUCT, found \(describe(token))")
        }
        try datasetClauses()
        _ = accept("WHERE")
        q.pattern = try groupGraphPattern()
        try solutionModifiers(&q)
        return q
    }

    /// FROM and FROM NAMED: parsed, and refused at evaluation (the graph file given is the dataset).
    mutating func datasetClauses() throws {
        while accept("FROM") {
            let named = accept("NAMED")
            _ = try iri()
            unsupported.append(named ? "FROM NAMED" : "FROM (the graph file given is the dataset)")
        }
    }

    mutating func solutionModifiers(_ q: inout SPARQLQuery) throws {
        if accept("GROUP") {
            guard accept("BY") else { throw error("expected BY after GROUP") }
            while true {
                if case .variable(let v) = token { k += 1; q.groupBy.append((.variable(v), nil)); continue }
                if acceptSymbol("(") {
                    let e = try expression()
                    var name: String?
                    if accept("AS") {
                        guard case .variable(let v) = token else { throw error("expected a variable after AS") }
                        k += 1
                        name = v
                    }
                    try expectSymbol(")")
                    q.groupBy.append((e, name))
                    continue
                }
                if case .word = token, !isWord("HAVING"), !isWord("ORDER"), !isWord("LIMIT"), !isWord("OFFSET") {
                    q.groupBy.append((try primary(), nil))
                    continue
                }
                break
            }
            if q.groupBy.isEmpty { throw error("expected a variable or expression after GROUP BY") }
        }
        if accept("HAVING") {
            repeat { q.having.append(try constraint()) } while isSymbol("(") || { if case .word(let w) = token { return !["ORDER", "LIMIT", "OFFSET"].contains(w.uppercased()) } else { return false } }()
        }
        if accept("ORDER") {
            guard accept("BY") else { throw error("expected BY after ORDER") }
            while true {
                if accept("ASC") { q.orderBy.append((try bracketted(), false)); continue }
                if accept("DESC") { q.orderBy.append((try bracketted(), true)); continue }
                if case .variable(let v) = token { k += 1; q.orderBy.append((.variable(v), false)); continue }
                if isSymbol("(") { q.orderBy.append((try bracketted(), false)); continue }
                if case .word(let w) = token, !["LIMIT", "OFFSET"].contains(w.uppercased()) { q.orderBy.append((try primary(), false)); continue }
                if case .prefixed = token { q.orderBy.append((try primary(), false)); continue }
                if case .iri = token { q.orderBy.append((try primary(), false)); continue }
                break
            }
            if q.orderBy.isEmpty { throw error("expected an ordering after ORDER BY") }
        }
        for _ in 0..<2 {
            if accept("LIMIT") {
                guard case .integer(let n) = token, let v = Int(n) else { throw error("expected an integer after LIMIT") }
                k += 1
                q.limit = v
            } else if accept("OFFSET") {
                guard case .integer(let n) = token, let v = Int(n) else { throw error("expected an integer after OFFSET") }
                k += 1
                q.offset = v
            }
        }
    }

    mutating func bracketted() throws -> Expression {
        try expectSymbol("(")
        let e = try expression()
        try expectSymbol(")")
        return e
    }

    // MARK: graph patterns

    mutating func groupGraphPattern() throws -> GraphPattern {
        try enter()
        defer { depth -= 1 }
        try expectSymbol("{", "to open a group pattern")
        if isWord("SELECT") {
            let saved = aggregates
            aggregates = []
            let at = tokens[k].1
            var sub = try queryBody()
            sub.aggregates = aggregates
            aggregates = saved
            try validateGrouping(sub, at: at)
            try expectSymbol("}", "to close the subquery")
            return .subquery(sub)
        }
        var current: GraphPattern = .bgp([])
        var filters: [Expression] = []
        func newBGP() { bgpCounter += 1; currentBGP = bgpCounter }
        newBGP()
        var afterTriples = false   // a triples block just ended without '.'
        var wasFilter = false
        
        func join(_ a: GraphPattern, _ b: GraphPattern) -> GraphPattern {
            if case .bgp(let x) = a, x.isEmpty { return b }
            if case .bgp(let x) = a, case .bgp(let y) = b { return .bgp(x + y) }
            return .join(a, b)
        }
        while !isSymbol("}") {
            if token == .end { throw error("expected '}' to close the group pattern") }
            wasFilter = false
            if accept("OPTIONAL") {
                let right = try groupGraphPattern()
                if case .filter(let f, let inner) = right { current = .leftJoin(current, inner, f) } else { current = .leftJoin(current, right, nil) }
            } else if accept("MINUS") {
                current = .minus(current, try groupGraphPattern())
            } else if accept("FILTER") {
                let saved = currentBGP   // a filter does not end the basic graph pattern around it
                filters.append(try constraint())
                currentBGP = saved
                wasFilter = true
            } else if accept("BIND") {
                try expectSymbol("(")
                let e = try expression()
                guard accept("AS") else { throw error("expected AS in BIND") }
                guard case .variable(let v) = token else { throw error("expected a variable after AS") }
                if SPARQLEvaluator.visibleVariables(current).contains(v) {
                    throw error("?\(v) is already bound before this BIND; BIND must name a new variable")
                }
                k += 1
                try expectSymbol(")")
                current = .extend(current, v, e)
            } else if accept("VALUES") {
                current = join(current, try valuesBlock())
            } else if isWord("GRAPH") || isWord("SERVICE") {
                let keyword = isWord("GRAPH") ? "GRAPH" : "SERVICE"
                k += 1
                if keyword == "SERVICE" { _ = accept("SILENT") }
                if case .variable = token { k += 1 } else { _ = try iri() }
                unsupported.append(keyword == "GRAPH" ? "GRAPH (a DocGraph file holds one graph)" : "SERVICE (DocGraph never goes to the network)")
                current = join(current, try groupGraphPattern())
            } else if isSymbol("{") {
                var group = try groupGraphPattern()
                while accept("UNION") { group = .union(group, try groupGraphPattern()) }
                // A nested group's FILTER stays inside it: `OPTIONAL { { P FILTER(F) } }` filters P
                // alone, where `OPTIONAL { P FILTER(F) }` makes F the condition of the optional match.
                if case .filter = group { current = .join(current, group) } else { current = join(current, group) }
            } else {
                if afterTriples { throw error("expected '.' or '}' after a triple pattern, found \(describe(token))") }
                var triples: [TriplePattern] = []
                try triplesBlock(&triples, allowPaths: true)
                current = join(current, .bgp(triples))
                afterTriples = !(k > 0 && tokens[k - 1].0 == .symbol("."))
                continue
            }
            afterTriples = false
            if !wasFilter { newBGP() }
            _ = acceptSymbol(".")
        }
        k += 1
        // The group's filters are one condition (§18.2.2.3), so an OPTIONAL takes all of them.
        if let first = filters.first { current = .filter(filters.dropFirst().reduce(first) { .and($0, $1) }, current) }
        return current
    }

    mutating func valuesBlock() throws -> GraphPattern {
        var variables: [String] = []
        var rows: [[Term?]] = []
        if case .variable(let v) = token {
            k += 1
            variables = [v]
            try expectSymbol("{")
            while !acceptSymbol("}") { rows.append([try dataValue()]) }
        } else {
            try expectSymbol("(")
            while case .variable(let v) = token { k += 1; variables.append(v) }
            try expectSymbol(")")
            try expectSymbol("{")
            while !acceptSymbol("}") {
                try expectSymbol("(")
                var row: [Term?] = []
                while !acceptSymbol(")") { row.append(try dataValue()) }
                guard row.count == variables.count else { throw error("a VALUES row needs \(variables.count) value(s)") }
                rows.append(row)
            }
        }
        return .values(variables: variables, rows: rows)
    }

    mutating func dataValue() throws -> Term? {
        if accept("UNDEF") { return nil }
        guard case .constant(let t) = try primary() else { throw error("expected a constant in VALUES") }
        return t
    }

    /// Triples separated by '.', ending before '}' or a keyword.
    mutating func triplesBlock(_ out: inout [TriplePattern], allowPaths: Bool) throws {
        while true {
            // `[ :p :o ]` and `( 1 2 )` may stand alone; `[]` and `()` are plain terms and may not.
            let compound = (isSymbol("[") || isSymbol("(")) && k + 1 < tokens.count
                && tokens[k + 1].0 != .symbol("]") && tokens[k + 1].0 != .symbol(")")
            let subject = try patternTerm(&out, allowPaths: allowPaths)
            if compound && (isSymbol(".") || isSymbol("}") || isKeyword) {
                // `[ :p :o ] .` and `( 1 2 ) .` stand alone
            } else {
                try propertyList(subject, &out, allowPaths: allowPaths)
            }
            guard acceptSymbol(".") else { return }
            if isSymbol("}") || isSymbol("{") || isKeyword { return }
        }
    }

    /// A keyword that starts a new part of a group pattern.
    var isKeyword: Bool {
        if case .word(let w) = token { return ["OPTIONAL", "FILTER", "BIND", "VALUES", "MINUS", "GRAPH", "SERVICE"].contains(w.uppercased()) }
        return false
    }

    mutating func propertyList(_ subject: PatternTerm, _ out: inout [TriplePattern], allowPaths: Bool) throws {
        while true {
            var predicate: PatternTerm = .variable("")
            var path: PropertyPath?
            if case .variable(let v) = token {
                k += 1
                predicate = .variable(v)
            } else {
                let p = try pathAlternative()
                if case .iri(let i) = p { predicate = .term(.iri(i)) } else {
                    guard allowPaths else { throw error("property paths are not allowed in a CONSTRUCT template") }
                    path = p
                }
            }
            while true {
                let object = try patternTerm(&out, allowPaths: allowPaths)
                out.append(TriplePattern(subject: subject, predicate: predicate, path: path, object: object))
                guard acceptSymbol(",") else { break }
            }
            guard acceptSymbol(";") else { return }
            while acceptSymbol(";") {}
            if isSymbol(".") || isSymbol("}") || isSymbol("]") || isKeyword { return }
        }
    }

    mutating func pathAlternative() throws -> PropertyPath {
        try enter()
        defer { depth -= 1 }
        var p = try pathSequence()
        while acceptSymbol("|") { p = .alternative(p, try pathSequence()) }
        return p
    }

    mutating func pathSequence() throws -> PropertyPath {
        var p = try pathElementOrInverse()
        while acceptSymbol("/") { p = .sequence(p, try pathElementOrInverse()) }
        return p
    }

    mutating func pathElementOrInverse() throws -> PropertyPath {
        if acceptSymbol("^") { return .inverse(try pathElement()) }
        return try pathElement()
    }

    mutating func pathElement() throws -> PropertyPath {
        var p: PropertyPath
        if isA {
            k += 1
            p = .iri(RDF.type)
        } else if acceptSymbol("(") {
            p = try pathAlternative()
            try expectSymbol(")")
        } else if acceptSymbol("!") {
            var forward: [IRI] = [], inverse: [IRI] = []
            func one(_ me: inout SPARQLParser) throws {
                if me.acceptSymbol("^") { inverse.append(me.isA ? { me.k += 1; return RDF.type }() : try me.iri()) }
                else { forward.append(me.isA ? { me.k += 1; return RDF.type }() : try me.iri()) }
            }
            if acceptSymbol("(") {
                if !isSymbol(")") {
                    try one(&self)
                    while acceptSymbol("|") { try one(&self) }
                }
                try expectSymbol(")")
            } else {
                try one(&self)
            }
            p = .negated(forward: forward, inverse: inverse)
        } else {
            p = .iri(try iri())
        }
        if acceptSymbol("*") { p = .zeroOrMore(p) } else if acceptSymbol("+") { p = .oneOrMore(p) } else if acceptSymbol("?") { p = .zeroOrOne(p) }
        return p
    }

    /// The keyword `a` (rdf:type), which is case-sensitive.
    var isA: Bool { token == .word("a") }

    /// A variable or term in a subject or object position; `[ … ]` and `( … )` add their triples.
    mutating func patternTerm(_ out: inout [TriplePattern], allowPaths: Bool) throws -> PatternTerm {
        try enter()
        defer { depth -= 1 }
        if case .variable(let v) = token { k += 1; return .variable(v) }
        if case .blank(let b) = token {
            if allowPaths {
                if let first = blankLabelBGP[b], first != currentBGP {
                    throw error("the blank node _:\(b) is used in two basic graph patterns; use a variable")
                }
                blankLabelBGP[b] = currentBGP
            }
            k += 1
            return .variable("_:" + b)
        }
        switch token {
        case .iri, .prefixed: return .term(.iri(try iri()))   // never a function call: `<s> (<p>|<q>) ?o` is a path
        default: break
        }
        if acceptSymbol("[") {
            blankCounter += 1
            let node = PatternTerm.variable("_:anon\(blankCounter)")
            if !isSymbol("]") { try propertyList(node, &out, allowPaths: allowPaths) }
            try expectSymbol("]")
            return node
        }
        if acceptSymbol("(") {
            var items: [PatternTerm] = []
            while !acceptSymbol(")") { items.append(try patternTerm(&out, allowPaths: allowPaths)) }
            guard !items.isEmpty else { return .term(.iri(RDF.nil_)) }
            let nodes = items.map { _ -> PatternTerm in blankCounter += 1; return .variable("_:list\(blankCounter)") }
            for (i, item) in items.enumerated() {
                out.append(TriplePattern(subject: nodes[i], predicate: .term(.iri(RDF.first)), object: item))
                out.append(TriplePattern(subject: nodes[i], predicate: .term(.iri(RDF.rest)), object: i + 1 < nodes.count ? nodes[i + 1] : .term(.iri(RDF.nil_))))
            }
            return nodes[0]
        }
        // A signed number: +5, -1.5
        if isSymbol("+") || isSymbol("-"), k + 1 < tokens.count {
            let sign = isSymbol("-") ? "-" : "+"
            switch tokens[k + 1].0 {
            case .integer(let n): k += 2; return .term(numberTerm(sign + n, XSD.integer))
            case .decimal(let n): k += 2; return .term(numberTerm(sign + n, XSD.decimal))
            case .double(let n): k += 2; return .term(numberTerm(sign + n, XSD.double))
            default: break
            }
        }
        guard case .constant(let t) = try primary() else { throw error("expected a term, found \(describe(token))") }
        return .term(t)
    }

    // MARK: expressions

    mutating func constraint() throws -> Expression {
        if isSymbol("(") { return try bracketted() }
        switch token {
        case .word, .iri, .prefixed: return try primary()   // a built-in or function call
        default: throw error("expected '(' after FILTER, found \(describe(token))")
        }
    }

    mutating func expression() throws -> Expression {
        try enter()
        defer { depth -= 1 }
        var e = try andExpression()
        while acceptSymbol("||") { e = .or(e, try andExpression()) }
        return e
    }

    mutating func andExpression() throws -> Expression {
        var e = try relational()
        while acceptSymbol("&&") { e = .and(e, try relational()) }
        return e
    }

    mutating func relational() throws -> Expression {
        let left = try additive()
        for op in ["=", "!=", "<", ">", "<=", ">="] where acceptSymbol(op) { return .compare(op, left, try additive()) }
        let negated = isWord("NOT")
        if negated { k += 1 }
        if accept("IN") {
            try expectSymbol("(")
            var list: [Expression] = []
            if !isSymbol(")") {
                list.append(try expression())
                while acceptSymbol(",") { list.append(try expression()) }
            }
            try expectSymbol(")")
            return .in(left, list, negated: negated)
        }
        if negated { throw error("expected IN after NOT") }
        return left
    }

    mutating func additive() throws -> Expression {
        var e = try multiplicative()
        while true {
            if acceptSymbol("+") { e = .arithmetic("+", e, try multiplicative()) }
            else if acceptSymbol("-") { e = .arithmetic("-", e, try multiplicative()) }
            else { return e }
        }
    }

    mutating func multiplicative() throws -> Expression {
        var e = try unary()
        while true {
            if acceptSymbol("*") { e = .arithmetic("*", e, try unary()) }
            else if acceptSymbol("/") { e = .arithmetic("/", e, try unary()) }
            else { return e }
        }
    }

    mutating func unary() throws -> Expression {
        try enter()
        defer { depth -= 1 }
        if acceptSymbol("!") { return .not(try unary()) }
        if acceptSymbol("-") { return .negate(try unary()) }
        if acceptSymbol("+") { return .plus(try unary()) }
        return try primary()
    }

    func numberTerm(_ s: String, _ datatype: IRI) -> Term { .literal(Literal(s, datatype: datatype)) }

    static let builtins: Set<String> = [
        "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND",
        "CONCAT", "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER",
        "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID", "STRUUID", "MD5", "SHA1",
        "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG", "STRDT", "SAMETERM", "ISIRI", "ISURI", "ISBLANK",
        "ISLITERAL", "ISNUMERIC", "REGEX", "SUBSTR", "REPLACE",
    ]
    static let aggregateNames: Set<String> = ["COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"]

    mutating func primary() throws -> Expression {
        let start = tokens[k].1
        switch token {
        case .symbol("("): return try bracketted()
        case .variable(let v): k += 1; return .variable(v)
        case .integer(let n): k += 1; return .constant(numberTerm(n, XSD.integer))
        case .decimal(let n): k += 1; return .constant(numberTerm(n, XSD.decimal))
        case .double(let n): k += 1; return .constant(numberTerm(n, XSD.double))
        case .string(let s):
            k += 1
            if case .langTag(let tag) = token { k += 1; return .constant(.literal(Literal(s, language: tag))) }
            if acceptSymbol("^^") { return .constant(.literal(Literal(s, datatype: try iri()))) }
            return .constant(.literal(Literal(s)))
        case .iri, .prefixed:
            let i = try iri()
            if isSymbol("(") {
                // Casts are built in (§17.5); any other function IRI is an
                // extension DocGraph does not have, refused by name rather
                // than answered as if every call failed.
                if !(i.string.hasPrefix(XSD.namespace) && SPARQLEvaluator.castTargets.contains(String(i.string.dropFirst(XSD.namespace.count)))) {
                    unsupported.append("the function <\(i.string)>")
                }
                return .call(i.string, try argumentList())
            }
            return .constant(.iri(i))
        case .blank:
            throw error("a blank node cannot stand in an expression")
        case .word(let w):
            let upper = w.uppercased()
            if upper == "TRUE" || upper == "FALSE" { k += 1; return .constant(.literal(Literal(upper.lowercased(), datatype: XSD.boolean))) }
            if upper == "NOT" && tokens.count > k + 1, case .word(let x) = tokens[k + 1].0, x.uppercased() == "EXISTS" {
                k += 2
                return .exists(try groupGraphPattern(), negated: true)
            }
            if upper == "EXISTS" { k += 1; return .exists(try groupGraphPattern(), negated: false) }
            if Self.aggregateNames.contains(upper) { k += 1; return try aggregate(upper) }
            guard Self.builtins.contains(upper) else { throw error("unknown function '\(w)'", at: start) }
            k += 1
            return .call(upper, try argumentList())
        default:
            throw error("expected an expression, found \(describe(token))")
        }
    }

    mutating func argumentList() throws -> [Expression] {
        try expectSymbol("(", "after the function name")
        var args: [Expression] = []
        if acceptSymbol(")") { return args }
        args.append(try expression())
        while acceptSymbol(",") { args.append(try expression()) }
        try expectSymbol(")", "to close the argument list")
        return args
    }

    mutating func aggregate(_ name: String) throws -> Expression {
        try expectSymbol("(", "after \(name)")
        var a = Aggregate(name: name, distinct: accept("DISTINCT"), expression: nil)
        if name == "COUNT" && acceptSymbol("*") {
            a.expression = nil
            if a.distinct { everyVariableShown = true }   // distinct solutions differ in any variable
        } else {
            a.expression = try expression()
        }
        if name == "GROUP_CONCAT" && acceptSymbol(";") {
            guard accept("SEPARATOR") else { throw error("expected SEPARATOR") }
            try expectSymbol("=")
            guard case .string(let s) = token else { throw error("expected a string after SEPARATOR =") }
            k += 1
            a.separator = s
        }
        try expectSymbol(")", "to close \(name)")
        let variable = " agg\(aggregates.count)"
        aggregates.append((variable, a))
        return .aggregateResult(variable)
    }
}

