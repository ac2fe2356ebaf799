import DocGraphModel
import Foundation

/// Expression evaluation (SPARQL 1.1 §17): a value, or nil for an error,
/// which FILTER treats as false and BIND leaves unbound.
extension SPARQLEvaluator {
    static func integer(_ n: Int) -> Term { .literal(Literal(String(n), datatype: XSD.integer)) }
    static func boolean(_ b: Bool) -> Term { .literal(Literal(b ? "true" : "false", datatype: XSD.boolean)) }

    static let numericTypes: [IRI: Int] = [
        XSD.integer: 0, XSD.decimal: 1, IRI(unchecked: XSD.namespace + "float"): 2, XSD.double: 3,
        IRI(unchecked: XSD.namespace + "int"): 0, IRI(unchecked: XSD.namespace + "long"): 0, IRI(unchecked: XSD.namespace + "short"): 0,
        IRI(unchecked: XSD.namespace + "byte"): 0, IRI(unchecked: XSD.namespace + "nonNegativeInteger"): 0,
        IRI(unchecked: XSD.namespace + "positiveInteger"): 0, IRI(unchecked: XSD.namespace + "negativeInteger"): 0,
        IRI(unchecked: XSD.namespace + "nonPositiveInteger"): 0, IRI(unchecked: XSD.namespace + "unsignedInt"): 0,
        IRI(unchecked: XSD.namespace + "unsignedLong"): 0, IRI(unchecked: XSD.namespace + "unsignedShort"): 0,
        IRI(unchecked: XSD.namespace + "unsignedByte"): 0,
    ]

    /// A numeric literal's value and rank (integer < decimal < float < double), or nil.
    static func number(_ t: Term) -> (value: Double, rank: Int, decimal: Decimal?)? {
        guard case .literal(let l) = t, let rank = numericTypes[l.datatype] else { return nil }
        let s = l.lexicalForm.trimmingCharacters(in: .whitespaces)
        if rank <= 1 {
            guard s.range(of: rank == 0 ? "^[+-]?[0-9]+$" : "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$", options: .regularExpression) != nil,
                  let d = Decimal(string: s), let v = Double(s) else { return nil }
            return (v, rank, d)
        }
        switch s {
        case "INF", "+INF": return (.infinity, rank, nil)
        case "-INF": return (-.infinity, rank, nil)
        case "NaN": return (.nan, rank, nil)
        default: return Double(s).map { ($0, rank, nil) }
        }
    }

    static func numericTerm(_ v: Double, _ d: Decimal?, rank: Int) -> Term {
        switch rank {
        case 0: return .literal(Literal(d.map { NSDecimalNumber(decimal: $0).stringValue } ?? String(Int(v)), datatype: XSD.integer))
        case 1:
            var s = d.map { NSDecimalNumber(decimal: $0).stringValue } ?? String(v)
            if !s.contains(".") { s += ".0" }
            return .literal(Literal(s, datatype: XSD.decimal))
        case 2: return .literal(Literal(String(Float(v)), datatype: IRI(unchecked: XSD.namespace + "float")))
        default: return .literal(Literal(v.isNaN ? "NaN" : v.isInfinite ? (v > 0 ? "INF" : "-INF") : String(v), datatype: XSD.double))
        }
    }

    static func arithmetic(_ op: Character, _ a: Term, _ b: Term) -> Term? {
        guard let x = number(a), let y = number(b) else { return nil }
        var rank = max(x.rank, y.rank)
        if op == "/" && rank == 0 { rank = 1 }
        if rank <= 1, let dx = x.decimal, let dy = y.decimal {
            let d: Decimal
            switch op {
            case "+": d = dx + dy
            case "-": d = dx - dy
            case "*": d = dx * dy
            default:
                guard dy != 0 else { return nil }
                d = dx / dy
            }
            return numericTerm(NSDecimalNumber(decimal: d).doubleValue, d, rank: rank)
        }
        let v: Double
        switch op {
        case "+": v = x.value + y.value
        case "-": v = x.value - y.value
        case "*": v = x.value * y.value
        default: v = x.value / y.value
        }
        return numericTerm(v, nil, rank: rank)
    }

    /// SPARQL's ORDER BY ordering: unbound, blank nodes, IRIs, then literals (numbers by value).
    static func order(_ a: Term?, _ b: Term?) -> Int {
        func kind(_ t: Term?) -> Int {
            switch t {
            case nil: return 0
            case .blank?: return 1
            case .iri?: return 2
            case .literal?: return 3
            }
        }
        let (ka, kb) = (kind(a), kind(b))
        if ka != kb { return ka < kb ? -1 : 1 }
        guard let a, let b else { return 0 }
        if let x = number(a), let y = number(b) { return x.value < y.value ? -1 : x.value > y.value ? 1 : 0 }
        if case .literal(let la) = a, case .literal(let lb) = b {
            if la.lexicalForm != lb.lexicalForm { return CodePointString.less(la.lexicalForm, lb.lexicalForm) ? -1 : 1 }
            if la.datatype != lb.datatype { return la.datatype < lb.datatype ? -1 : 1 }
            return (la.language ?? "") < (lb.language ?? "") ? -1 : (la.language ?? "") > (lb.language ?? "") ? 1 : 0
        }
        return a < b ? -1 : a == b ? 0 : 1
    }

    /// The effective boolean value (§17.2.2), nil for an error.
    func effectiveBoolean(_ e: Expression, _ row: SolutionRow) -> Bool? {
        guard let t = value(e, row) else { return nil }
        return Self.effectiveBoolean(t)
    }

    static func effectiveBoolean(_ t: Term) -> Bool? {
        guard case .literal(let l) = t else { return nil }
        if l.datatype == XSD.boolean { return l.lexicalForm == "true" || l.lexicalForm == "1" }
        if let n = number(t) { return !(n.value == 0 || n.value.isNaN) }
        if numericTypes[l.datatype] != nil { return false }   // an ill-formed number
        if l.datatype == XSD.string || l.language != nil { return !l.lexicalForm.isEmpty }
        return nil
    }

    /// RDFterm-equal and value equality of literals (§17.4.1.7).
    /// An xsd:boolean's value ("true", "1", "false", "0"), nil when ill-typed.
    static func booleanValue(_ l: Literal) -> Bool? {
        switch l.lexicalForm.trimmingCharacters(in: .whitespaces) {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// An xsd:dateTime as seconds from 0001-01-01 (UTC when it has a time
    /// zone) and whether it has one; nil when ill-typed. 24:00:00 is the
    /// next day's midnight, as XML Schema defines it.
    static func dateTimeValue(_ l: Literal) -> (seconds: Double, zoned: Bool)? {
        let s = l.lexicalForm.trimmingCharacters(in: .whitespaces)
        guard let m = s.wholeMatch(of: /(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?/),
              let year = Int(m.1), let month = Int(m.2), let day = Int(m.3), let hour = Int(m.4), let minute = Int(m.5),
              let second = Double(m.6), (1...12).contains(month), (1...31).contains(day), hour <= 24, minute < 60, second < 60,
              hour < 24 || (minute == 0 && second == 0) else { return nil }
        // Days from the civil date (proleptic Gregorian), after H. Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        var seconds = Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second
        var zoned = false
        if let zone = m.7 {
            zoned = true
            if zone != "Z" {
                let sign: Double = zone.hasPrefix("-") ? -1 : 1
                let parts = zone.dropFirst().split(separator: ":")
                seconds -= sign * Double((Int(parts[0]) ?? 0) * 3600 + (Int(parts[1]) ?? 0) * 60)
            }
        }
        return (seconds, zoned)
    }

    /// Two dateTimes compared as XML Schema does: -1, 0 or 1, nil when one
    /// has a time zone and the other not and they are within 14 hours.
    static func compareDateTimes(_ a: Literal, _ b: Literal) -> Int? {
        guard let x = dateTimeValue(a), let y = dateTimeValue(b) else { return nil }
        if x.zoned != y.zoned && abs(x.seconds - y.seconds) <= 14 * 3600 { return nil }
        return x.seconds < y.seconds ? -1 : x.seconds > y.seconds ? 1 : 0
    }

    static func equal(_ a: Term, _ b: Term) -> Bool? {
        if let x = number(a), let y = number(b) { return x.value == y.value }
        if case .literal(let la) = a, case .literal(let lb) = b {
            if la == lb { return true }
            if la.datatype == XSD.boolean && lb.datatype == XSD.boolean {
                guard let x = booleanValue(la), let y = booleanValue(lb) else { return nil }
                return x == y
            }
            if la.datatype == XSD.dateTime && lb.datatype == XSD.dateTime { return compareDateTimes(la, lb).map { $0 == 0 } }
            let simple: Set<IRI> = [XSD.string]
            if la.language != nil || lb.language != nil { return la.language?.lowercased() == lb.language?.lowercased() && la.lexicalForm == lb.lexicalForm ? true : false }
            if la.datatype == lb.datatype { return simple.contains(la.datatype) || la.datatype == XSD.boolean || la.datatype == XSD.dateTime ? false : nil }
            if simple.contains(la.datatype) && simple.contains(lb.datatype) { return false }
            return nil   // unknown datatypes: not comparable
        }
        return a == b
    }

    static func compare(_ op: String, _ a: Term, _ b: Term) -> Bool? {
        if op == "=" { return equal(a, b) }
        if op == "!=" { return equal(a, b).map { !$0 } }
        let c: Int
        if let x = number(a), let y = number(b) {
            if x.value.isNaN || y.value.isNaN { return false }
            c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0
        } else if case .literal(let la) = a, case .literal(let lb) = b, la.datatype == XSD.dateTime, lb.datatype == XSD.dateTime {
            guard let d = compareDateTimes(la, lb) else { return nil }
            c = d
        } else if case .literal(let la) = a, case .literal(let lb) = b, la.datatype == XSD.boolean, lb.datatype == XSD.boolean {
            guard let x = booleanValue(la), let y = booleanValue(lb) else { return nil }
            c = x == y ? 0 : (x ? 1 : -1)
        } else if case .literal(let la) = a, case .literal(let lb) = b, la.language == nil, lb.language == nil,
                  la.datatype == lb.datatype, [XSD.string, XSD.date].contains(la.datatype) {
            c = la.lexicalForm == lb.lexicalForm ? 0 : CodePointString.less(la.lexicalForm, lb.lexicalForm) ? -1 : 1
        } else {
            return nil
        }
        switch op {
        case "<": return c < 0
        case ">": return c > 0
        case "<=": return c <= 0
        default: return c >= 0
        }
    }

    func value(_ e: Expression, _ row: SolutionRow) -> Term? {
        switch e {
        case .variable(let v), .aggregateResult(let v): return bound(v, row)
        case .constant(let t): return t
        case .or(let a, let b):
            let x = effectiveBoolean(a, row), y = effectiveBoolean(b, row)
            if x == true || y == true { return Self.boolean(true) }
            if x == false && y == false { return Self.boolean(false) }
            return nil
        case .and(let a, let b):
            let x = effectiveBoolean(a, row), y = effectiveBoolean(b, row)
            if x == false || y == false { return Self.boolean(false) }
            if x == true && y == true { return Self.boolean(true) }
            return nil
        case .not(let a): return effectiveBoolean(a, row).map { Self.boolean(!$0) }
        case .compare(let op, let a, let b):
            guard let x = value(a, row), let y = value(b, row) else { return nil }
            return Self.compare(op, x, y).map(Self.boolean)
        case .arithmetic(let op, let a, let b):
            guard let x = value(a, row), let y = value(b, row) else { return nil }
            return Self.arithmetic(op, x, y)
        case .negate(let a):
            guard let x = value(a, row) else { return nil }
            return Self.arithmetic("*", x, Self.integer(-1))
        case .plus(let a):
            guard let x = value(a, row), Self.number(x) != nil else { return nil }
            return x
        case .in(let a, let list, let negated):
            guard let x = value(a, row) else { return nil }
            var sawError = false
            for item in list {
                guard let y = value(item, row), let eq = Self.equal(x, y) else { sawError = true; continue }
                if eq { return Self.boolean(!negated) }
            }
            return sawError ? nil : Self.boolean(negated)
        case .exists(let pattern, let negated):
            var me = self
            var one = SolutionTable(width: width)
            one.append(row.numbers)
            let found = !me.substituted(pattern, one).isEmpty
            return Self.boolean(found != negated)
        case .call(let name, let args):
            return call(name, args, row)
        }
    }

    static func string(_ t: Term) -> String? {
        switch t {
        case .iri(let i): return i.string
        case .literal(let l): return l.lexicalForm
        case .blank: return nil
        }
    }

    /// A literal that string functions accept: simple, xsd:string or language-tagged.
    static func stringLiteral(_ t: Term?) -> Literal? {
        guard case .literal(let l)? = t, l.language != nil || l.datatype == XSD.string else { return nil }
        return l
    }

    /// A result string carrying the argument's language tag or type (§17.4.3).
    static func like(_ l: Literal, _ s: String) -> Term {
        .literal(l.language.map { Literal(s, language: $0) } ?? Literal(s))
    }

    func call(_ name: String, _ args: [Expression], _ row: SolutionRow) -> Term? {
        if name == "BOUND" {
            guard case .variable(let v)? = args.first else { return nil }
            return Self.boolean(bound(v, row) != nil)
        }
        if name == "COALESCE" {
            for a in args { if let v = value(a, row) { return v } }
            return nil
        }
        if name == "IF" {
            guard args.count == 3, let c = effectiveBoolean(args[0], row) else { return nil }
            return value(c ? args[1] : args[2], row)
        }
        let v = args.map { value($0, row) }
        func arg(_ i: Int) -> Term? { i < v.count ? v[i] : nil }
        if name.hasPrefix(XSD.namespace) {
            guard args.count == 1, let x = arg(0) else { return nil }
            return Self.cast(x, to: String(name.dropFirst(XSD.namespace.count)))
        }
        switch name {
        case "STR":
            guard let t = arg(0), let s = Self.string(t) else { return nil }
            return .literal(Literal(s))
        case "LANG":
            guard case .literal(let l)? = arg(0) else { return nil }
            return .literal(Literal(l.language ?? ""))
        case "LANGMATCHES":
            guard let tag = Self.stringLiteral(arg(0))?.lexicalForm.lowercased(), let range = Self.stringLiteral(arg(1))?.lexicalForm.lowercased() else { return nil }
            if range == "*" { return Self.boolean(!tag.isEmpty) }
            return Self.boolean(tag == range || tag.hasPrefix(range + "-"))
        case "DATATYPE":
            guard case .literal(let l)? = arg(0) else { return nil }
            return .iri(l.language != nil ? RDF.langString : l.datatype)
        case "ISIRI", "ISURI": return arg(0).map { if case .iri = $0 { return Self.boolean(true) }; return Self.boolean(false) }
        case "ISBLANK": return arg(0).map { if case .blank = $0 { return Self.boolean(true) }; return Self.boolean(false) }
        case "ISLITERAL": return arg(0).map { if case .literal = $0 { return Self.boolean(true) }; return Self.boolean(false) }
        case "ISNUMERIC": return arg(0).map { Self.boolean(Self.number($0) != nil) }
        case "SAMETERM":
            guard let a = arg(0), let b = arg(1) else { return nil }
            return Self.boolean(a == b)
        case "IRI", "URI":
            guard let t = arg(0) else { return nil }
            if case .iri = t { return t }
            guard let s = Self.stringLiteral(t)?.lexicalForm, let i = IRI(s) else { return nil }
            return .iri(i)
        case "STRLEN":
            guard let l = Self.stringLiteral(arg(0)) else { return nil }
            return Self.integer(l.lexicalForm.unicodeScalars.count)
        case "UCASE", "LCASE":
            guard let l = Self.stringLiteral(arg(0)) else { return nil }
            return Self.like(l, name == "UCASE" ? l.lexicalForm.uppercased() : l.lexicalForm.lowercased())
        case "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER":
            guard let a = Self.stringLiteral(arg(0)), let b = Self.stringLiteral(arg(1)) else { return nil }
            if b.language != nil && a.language != b.language { return nil }   // incompatible arguments
            let (x, y) = (a.lexicalForm, b.lexicalForm)
            switch name {
            case "CONTAINS": return Self.boolean(y.isEmpty || x.contains(y))
            case "STRSTARTS": return Self.boolean(x.unicodeScalars.starts(with: y.unicodeScalars))
            case "STRENDS": return Self.boolean(x.unicodeScalars.reversed().starts(with: y.unicodeScalars.reversed()))
            case "STRBEFORE":
                guard let r = x.range(of: y) else { return .literal(Literal("")) }
                return Self.like(a, String(x[..<r.lowerBound]))
            default:
                guard let r = x.range(of: y) else { return .literal(Literal("")) }
                return Self.like(a, String(x[r.upperBound...]))
            }
        case "CONCAT":
            var out = ""
            var lang: String?? = .none
            for t in v {
                guard let l = Self.stringLiteral(t) else { return nil }
                out += l.lexicalForm
                if case .none = lang { lang = .some(l.language) } else if lang! != l.language { lang = .some(nil) }
            }
            if case .some(let tag?) = lang { return .literal(Literal(out, language: tag)) }
            return .literal(Literal(out))
        case "SUBSTR":
            guard let l = Self.stringLiteral(arg(0)), let start = arg(1).flatMap(Self.number) else { return nil }
            let scalars = Array(l.lexicalForm.unicodeScalars)
            let from = Int((start.value).rounded())
            var to = scalars.count + 1
            if v.count > 2 { guard let len = arg(2).flatMap(Self.number) else { return nil }; to = from + Int(len.value.rounded()) }
            let lo = max(from, 1), hi = min(to, scalars.count + 1)
            return Self.like(l, lo < hi ? String(String.UnicodeScalarView(scalars[(lo - 1)..<(hi - 1)])) : "")
        case "REGEX", "REPLACE":
            guard let l = Self.stringLiteral(arg(0)), let pattern = Self.stringLiteral(arg(1))?.lexicalForm else { return nil }
            let flagIndex = name == "REGEX" ? 2 : 3
            var options: NSRegularExpression.Options = []
            if v.count > flagIndex {
                guard let flags = Self.stringLiteral(arg(flagIndex))?.lexicalForm else { return nil }
                for f in flags {
                    switch f {
                    case "i": options.insert(.caseInsensitive)
                    case "s": options.insert(.dotMatchesLineSeparators)
                    case "m": options.insert(.anchorsMatchLines)
                    case "x": options.insert(.allowCommentsAndWhitespace)
                    case "q": options.insert(.ignoreMetacharacters)
                    default: return nil
                    }
                }
            }
            guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
            let s = l.lexicalForm
            let range = NSRange(s.startIndex..., in: s)
            if name == "REGEX" { return Self.boolean(re.firstMatch(in: s, range: range) != nil) }
            guard let replacement = Self.stringLiteral(arg(2))?.lexicalForm else { return nil }
            return Self.like(l, re.stringByReplacingMatches(in: s, range: range, withTemplate: replacement))
        case "ABS", "CEIL", "FLOOR", "ROUND":
            guard let t = arg(0), let n = Self.number(t) else { return nil }
            let r: Double
            switch name {
            case "ABS": r = abs(n.value)
            case "CEIL": r = n.value.rounded(.up)
            case "FLOOR": r = n.value.rounded(.down)
            default: r = (n.value + 0.5).rounded(.down)
            }
            return Self.numericTerm(r, n.rank <= 1 ? Decimal(r) : nil, rank: n.rank)
        case "STRLANG":
            guard case .literal(let l)? = arg(0), l.language == nil, l.datatype == XSD.string,
                  let tag = Self.stringLiteral(arg(1))?.lexicalForm, !tag.isEmpty else { return nil }
            return .literal(Literal(l.lexicalForm, language: tag))
        case "STRDT":
            guard case .literal(let l)? = arg(0), l.language == nil, l.datatype == XSD.string, case .iri(let dt)? = arg(1) else { return nil }
            return .literal(Literal(l.lexicalForm, datatype: dt))
        case "ENCODE_FOR_URI":
            guard let l = Self.stringLiteral(arg(0)) else { return nil }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return .literal(Literal(l.lexicalForm.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
        case "YEAR", "MONTH", "DAY", "HOURS", "MINUTES":
            guard case .literal(let l)? = arg(0), l.datatype == XSD.dateTime || l.datatype == XSD.date else { return nil }
            let parts = l.lexicalForm.split(whereSeparator: { "-T:".contains($0) })
            let index = ["YEAR": 0, "MONTH": 1, "DAY": 2, "HOURS": 3, "MINUTES": 4][name]!
            guard index < parts.count, let n = Int(parts[index].prefix(2 + (index == 0 ? 2 : 0))) else { return nil }
            return Self.integer(n)
        default:
            return nil   // an unknown function is an error, and FILTER drops the row
        }
    }

    /// The XML Schema datatypes a SPARQL query may cast to, by local name (§17.5).
    static let castTargets: Set<String> = ["string", "boolean", "integer", "decimal", "float", "double", "dateTime"]

    /// `xsd:T(x)`: the SPARQL 1.1 cast table; nil (an error) where the
    /// table says a cast cannot be made or the value does not fit.
    static func cast(_ x: Term, to target: String) -> Term? {
        let lexical: String
        let source: IRI
        switch x {
        case .blank: return nil
        case .iri(let i):
            return target == "string" ? .literal(Literal(i.string)) : nil
        case .literal(let l):
            guard l.language == nil else { return target == "string" ? .literal(Literal(l.lexicalForm)) : nil }
            lexical = l.lexicalForm.trimmingCharacters(in: .whitespaces)
            source = l.datatype
        }
        let fromString = source == XSD.string
        let fromNumber = numericTypes[source] != nil
        let fromBoolean = source == XSD.boolean
        let asNumber = fromNumber ? number(x) : nil
        if fromNumber && asNumber == nil && target != "string" { return nil }   // an ill-typed number
        switch target {
        case "string":
            if case .literal(let l) = x { return .literal(Literal(l.lexicalForm)) }
            return nil
        case "boolean":
            if fromBoolean || fromString {
                switch lexical {
                case "true", "1": return boolean(true)
                case "false", "0": return boolean(false)
                default: return nil
                }
            }
            guard let n = asNumber else { return nil }
            return boolean(!(n.value == 0 || n.value.isNaN))
        case "integer", "decimal":
            let rank = target == "integer" ? 0 : 1
            if fromBoolean { return numericTerm(lexical == "true" || lexical == "1" ? 1 : 0, lexical == "true" || lexical == "1" ? 1 : 0, rank: rank) }
            if fromString {
                return number(.literal(Literal(lexical, datatype: rank == 0 ? XSD.integer : XSD.decimal)))
                    .map { numericTerm($0.value, $0.decimal, rank: rank) }
            }
            guard let n = asNumber, n.value.isFinite else { return nil }
            if rank == 0 {
                let whole = n.decimal.map { d -> Decimal in
                    var d = d, r = Decimal()
                    NSDecimalRound(&r, &d, 0, d < 0 ? .up : .down)
                    return r
                } ?? Decimal(string: String(format: "%.0f", n.value.rounded(.towardZero)))
                return whole.map { numericTerm(NSDecimalNumber(decimal: $0).doubleValue, $0, rank: 0) }
            }
            return numericTerm(n.value, n.decimal ?? Decimal(string: String(n.value)), rank: 1)
        case "float", "double":
            let rank = target == "float" ? 2 : 3
            if fromBoolean { return numericTerm(lexical == "true" || lexical == "1" ? 1 : 0, nil, rank: rank) }
            if fromString {
                return number(.literal(Literal(lexical, datatype: XSD.double))).map { numericTerm($0.value, nil, rank: rank) }
            }
            guard let n = asNumber else { return nil }
            return numericTerm(n.value, nil, rank: rank)
        case "dateTime":
            guard fromString || source == XSD.dateTime,
                  lexical.range(of: #"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#,
                                options: .regularExpression) != nil else { return nil }
            return .literal(Literal(lexical, datatype: XSD.dateTime))
        default:
            return nil
        }
    }
}
