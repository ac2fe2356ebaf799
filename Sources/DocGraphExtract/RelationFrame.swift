import DocGraphModel
import Foundation

/// One cue frame of `rules/relation-frames.tsv`: a pattern over a clause
/// whose mentions stand as placeholders, and which of them (or the author)
/// is the subject and the object of the relation it reads.
public struct RelationFrame: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe
    /// The placeholder each mention kind stands as in a clause's shadow text.
    public static let placeholders: [String: Unicode.Scalar] = [
        "ORG": "\u{E000}", "REG": "\u{E001}", "PROG": "\u{E002}", "PER": "\u{E003}",
    ]
    static let kindOfPlaceholder: [String: EntityKind] = [
        "ORG": .organization, "REG": .regulation, "PROG": .program, "PER": .person,
    ]

    /// The placeholder a mention of this class stands as.
    static func placeholder(forKind kind: EntityKind) -> Unicode.Scalar {
        switch kind {
        case .organization: return "\u{E000}"
        case .regulation: return "\u{E001}"
        case .program: return "\u{E002}"
        case .person: return "\u{E003}"
        }
    }

    public enum Role: Sendable, Equatable {
        case author
        case slot(Int)
    }

    struct Invalid: Error { var message: String }

    public let predicate: IRI
    public let rule: String
    public let subject: Role
    public let object: Role
    public let confidence: Double
    /// The mention kind of each slot, in order.
    public let slotKinds: [EntityKind]
    let regex: NSRegularExpression
    /// Words one of which every match contains (the cue verbs of `(?:制定|出台)`),
    /// when the pattern has such a part: a clause without any of them is
    /// passed over without running the regular expression.
    let cueWords: [[Unicode.Scalar]]?
    let cueStarts: ScalarSet

    init(predicate: IRI, rule: String, subject: String, object: String, confidence: Double, pattern: String) throws {
        self.predicate = predicate
        self.rule = rule
        self.confidence = confidence
        var compiled = ""
        var kinds: [EntityKind] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            compiled += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw Invalid(message: "unclosed '{' in pattern") }
            let name = String(rest[rest.index(after: open)..<close])
            if let p = Self.placeholders[name], let kind = Self.kindOfPlaceholder[name] {
                compiled += "(" + String(Character(p)) + ")"
                kinds.append(kind)
            } else if name == "GAP" {
                // One character of the clause that is no mention and no clause stop.
                compiled += "[^，,。；;\u{E000}-\u{E003}]"
            } else if name.allSatisfy({ $0.isNumber || $0 == "," }) {
                compiled += "{" + name + "}"  // a regex repetition such as {0,12}
            } else {
                throw Invalid(message: "unknown placeholder {\(name)}: use {ORG}, {REG}, {PROG}, {PER} or {GAP}")
            }
            rest = rest[rest.index(after: close)...]
        }
        compiled += rest
        slotKinds = kinds
        func role(_ s: String) throws -> Role {
            if s == "AUTHOR" { return .author }
            guard s.hasPrefix("$"), let n = Int(s.dropFirst()), (1...kinds.count).contains(n) else {
                throw Invalid(message: "'\(s)' must be AUTHOR or $1…$\(kinds.count)")
            }
            return .slot(n)
        }
        self.subject = try role(subject)
        self.object = try role(object)
        cueWords = Self.requiredWords(in: pattern)
        cueStarts = ScalarSet(cueWords?.compactMap(\.first) ?? [])
        do { regex = try NSRegularExpression(pattern: compiled) } catch { throw Invalid(message: "invalid pattern '\(pattern)'") }
    }

    /// Whether the clause's shadow text holds one of the cue words (always
    /// true for a pattern without required literal words).
    func mayMatch(_ shadow: [Unicode.Scalar]) -> Bool { mayMatch(shadow, at: Array(shadow.indices)) }

    /// The same, given the positions of the shadow text where any frame's cue word may start
    /// (found once per clause, for all the frames).
    func mayMatch(_ shadow: [Unicode.Scalar], at positions: [Int]) -> Bool {
        guard let cueWords else { return true }
        for i in positions where cueStarts.contains(shadow[i]) {
            for w in cueWords where i + w.count <= shadow.count && shadow[i..<(i + w.count)].elementsEqual(w) { return true }
        }
        return false
    }

    /// The alternatives of the part of `pattern` that every match must contain
    /// (of several, the one whose shortest word is longest): a plain character, or a group of plain words such as
    /// `(?:制定|出台)`, not made optional by `?`, `*` or `{0,n}`. Nil when
    /// the pattern has no such part or is beyond this reading (a top-level
    /// `|`, an escape that is not a plain character, a lookaround).
    static func requiredWords(in pattern: String) -> [[Unicode.Scalar]]? {
        let p = Array(pattern.unicodeScalars)
        let special: Set<Unicode.Scalar> = ["\\", "(", ")", "[", "]", "{", "}", ".", "^", "$", "|", "?", "*", "+"]
        var i = 0
        var found: [[Unicode.Scalar]]?
        while i < p.count {
            var atom: [[Unicode.Scalar]]?
            switch p[i] {
            case "\\":
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                if !(e.properties.isAlphabetic || e.properties.numericType != nil) { atom = [[e]] }
                i += 2
            case "(":
                var depth = 0, k = i, inClass = false
                while k < p.count {
                    if p[k] == "\\" { k += 2; continue }
                    if inClass { if p[k] == "]" { inClass = false } } else if p[k] == "[" { inClass = true }
                    else if p[k] == "(" { depth += 1 } else if p[k] == ")" { depth -= 1; if depth == 0 { break } }
                    k += 1
                }
                guard k < p.count else { return nil }
                var inner = Array(p[(i + 1)..<k])
                if inner.starts(with: ["?", ":"]) { inner.removeFirst(2) } else if inner.first == "?" { return nil }
                if !inner.contains(where: { special.contains($0) && $0 != "|" }) {
                    let words = inner.split(separator: "|", omittingEmptySubsequences: false).map(Array.init)
                    if !words.contains(where: \.isEmpty) { atom = words }
                }
                i = k + 1
            case "[":
                var k = i + 1
                if k < p.count && p[k] == "]" { k += 1 }
                while k < p.count && p[k] != "]" { k += p[k] == "\\" ? 2 : 1 }
                i = k + 1
            case "{":
                // A placeholder, already replaced in the compiled pattern: not a word.
                while i < p.count && p[i] != "}" { i += 1 }
                i += 1
            case "|":
                return nil
            case ".", "^", "$":
                i += 1
            default:
                atom = [[p[i]]]
                i += 1
            }
            // A quantifier after the part: `?`, `*` and `{0,…}` make it optional.
            var optional = false
            if i < p.count {
                switch p[i] {
                case "?", "*": optional = true; i += 1
                case "+": i += 1
                case "{":
                    var k = i + 1
                    while k < p.count && (p[k].properties.numericType != nil || p[k] == ",") { k += 1 }
                    if k < p.count, p[k] == "}", k > i + 1 {
                        optional = p[i + 1] == "0" && (k == i + 2 || p[i + 2] == ",")
                        i = k + 1
                    }
                default: break
                }
                if i < p.count, p[i] == "?" || p[i] == "+" { i += 1 }  // lazy or possessive
            }
            // The most selective required part: the one whose shortest word is longest (领导 before 在).
            if !optional, let atom, atom.map(\.count).min() ?? 0 > found.map({ $0.map(\.count).min() ?? 0 }) ?? 0 { found = atom }
        }
        return found
    }

    /// A match of the frame in a clause: the slot positions in the shadow text.
    struct Match {
        var slots: [Int]
        var start: Int
    }

    /// Every match in the shadow text of a clause (one scalar per placeholder).
    func matches(in shadow: String) -> [Match] {
        var out: [Match] = []
        let ns = shadow as NSString
        // NSRegularExpression counts UTF-16 units; convert back to scalars.
        func scalarOffset(_ utf16: Int) -> Int {
            let index = String.Index(utf16Offset: utf16, in: shadow)
            return shadow.unicodeScalars.distance(from: shadow.startIndex, to: index)
        }
        let simple = shadow.utf16.count == shadow.unicodeScalars.count
        for m in regex.matches(in: shadow, range: NSRange(location: 0, length: ns.length)) {
            var slots: [Int] = []
            for k in 1..<m.numberOfRanges where m.range(at: k).location != NSNotFound {
                slots.append(simple ? m.range(at: k).location : scalarOffset(m.range(at: k).location))
            }
            guard slots.count == slotKinds.count else { continue }
            out.append(Match(slots: slots, start: simple ? m.range.location : scalarOffset(m.range.location)))
        }
        return out
    }
}
