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
    static let kindOfPlaceholder: [String: String] = [
        "ORG": "Organization", "REG": "Regulation", "PROG": "Program", "PER": "Person",
    ]

    /// The placeholder a mention of this class stands as.
    static func placeholder(forKind kind: String) -> Unicode.Scalar {
        let name = kindOfPlaceholder.first { $0.value == kind }?.key ?? "PER"
        return placeholders[name] ?? "\u{E003}"
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
    public let slotKinds: [String]
    let regex: NSRegularExpression

    init(predicate: IRI, rule: String, subject: String, object: String, confidence: Double, pattern: String) throws {
        self.predicate = predicate
        self.rule = rule
        self.confidence = confidence
        var compiled = ""
        var kinds: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            compiled += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw Invalid(message: "unclosed '{' in pattern") }
            let name = String(rest[rest.index(after: open)..<close])
            if let p = Self.placeholders[name], let kind = Self.kindOfPlaceholder[name] {
                compiled += "(" + String(Character(p)) + ")"
                kinds.append(kind)
            } else if name.allSatisfy({ $0.isNumber || $0 == "," }) {
                compiled += "{" + name + "}"  // a regex repetition such as {0,12}
            } else {
                throw Invalid(message: "unknown placeholder {\(name)}: use {ORG}, {REG}, {PROG} or {PER}")
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
        do { regex = try NSRegularExpression(pattern: compiled) } catch { throw Invalid(message: "invalid pattern '\(pattern)'") }
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
