import Crypto

/// How DocGraph names what it extracts. IRIs depend only on class and
/// canonical name, so separate runs (or shards of one collection) name the
/// same entity the same way and their outputs merge by plain union. The one
/// exception is a name that does not say which entity it is (市委 in a
/// document that never names its city): its IRI names the document too, so
/// that two documents' bodies of that name stay two.
public enum IRIMinting {
    /// The IRI of the entity of class `type` called `name`.
    public static func entity(type: IRI, name: String) -> IRI {
        entity(base: entityBase(type: type), name: name)
    }

    /// What the IRIs of the entities of class `type` start with: minted once for a class, it
    /// names each entity with one concatenation (``entity(base:name:)``).
    public static func entityBase(type: IRI) -> String {
        let local = type.string.hasPrefix(DG.namespace) ? String(type.string.dropFirst(DG.namespace.count))
            : type.namespaceAndLocalName?.localName ?? "resource"
        return DG.resourceBase + local.lowercased() + "/"
    }

    /// The IRI of the entity called `name` of the class whose ``entityBase(type:)`` is `base`.
    public static func entity(base: String, name: String) -> IRI {
        IRI(unchecked: base + encode(name))
    }

    /// The IRI of the entity called `name` in the document whose ``Document/id`` is `document` only
    /// (`…/organization/市委/in/report-a`): the name alone does not tell which entity it is.
    public static func entity(base: String, name: String, document: String) -> IRI {
        IRI(unchecked: base + encode(name) + "/in/" + encode(document))
    }

    /// The IRI of the reified statement carrying a relation's provenance.
    public static func statement(_ key: RelationKey) -> IRI {
        let parts: [String] = [key.subject.string, key.predicate.string, key.object.string, key.role ?? ""]
        return IRI(unchecked: DG.resourceBase + "statement/" + digest(parts, length: 20))
    }

    /// The IRI of one evidence record of a statement, from its content.
    public static func evidence(statement: IRI, _ p: Provenance) -> IRI {
        func n(_ v: Int?) -> String { v.map { String($0) } ?? "" }
        let parts: [String] = [p.document, String(p.sentenceStart), String(p.sentenceEnd),
                               n(p.subjectStart), n(p.subjectEnd), n(p.objectStart), n(p.objectEnd), p.rule, p.sentence]
        return IRI(unchecked: statement.string + "/evidence/" + digest(parts, length: 12))
    }

    /// Lowercase hex SHA-256 of the bytes.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The first `length` hex digits of the SHA-256 of the parts joined by U+001F, gathered
    /// into one buffer and hashed at once (each update of the hash has a cost of its own, and
    /// every evidence record of a graph is named here).
    static func digest(_ parts: [String], length: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(0x1F) }
            bytes.append(contentsOf: part.utf8)
        }
        return hex(SHA256.hash(data: bytes), digits: length)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The bytes in lowercase hex, the first `digits` of it.
    private static func hex(_ d: some Sequence<UInt8>, digits: Int = .max) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in d where out.count < digits {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 15)])
        }
        if out.count > digits { out.removeLast(out.count - digits) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes what an IRI path segment cannot hold, keeping letters
    /// of any script readable (`组织/杭州` stays as it is, a space becomes %20).
    /// Whether a character stands in an IRI path segment as it is.
    static func keeps(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x2D, 0x2E, 0x5F, 0x7E: return true  // - . _ ~
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0x10000...0xEFFFD: return (v & 0xFFFE) != 0xFFFE
        default: return false
        }
    }

    public static func encode(_ s: String) -> String {
        // Most names (Chinese text, 《》 titles) need no escape: return them as they are.
        if s.unicodeScalars.allSatisfy(keeps) { return s }
        var out = ""
        for u in s.unicodeScalars {
            if keeps(u) {
                out.unicodeScalars.append(u)
            } else {
                for b in String(u).utf8 {
                    out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
