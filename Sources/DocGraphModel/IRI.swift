/// An absolute IRI naming a resource or a predicate.
///
/// The initialiser checks only what keeps every output format well-formed
/// (a scheme, no spaces or `<>"{}|\^` characters); resolution of relative
/// references is the parsers' job.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let string: String

    /// Validates `string` as an absolute IRI; nil when it is not one.
    public init?(_ string: String) {
        guard IRI.isAbsolute(string) else { return nil }
        self.string = string
    }

    /// Wraps a string already known to be an absolute IRI (vocabulary
    /// constants, parser output) without checking it again.
    public init(unchecked string: String) {
        self.string = string
    }

    public var description: String { "<\(string)>" }

    public static func < (a: IRI, b: IRI) -> Bool { a.string < b.string }

    /// True for `scheme:rest` with no character that an IRI never holds.
    public static func isAbsolute(_ s: String) -> Bool {
        var sawColon = false
        var first = true
        for b in s.utf8 {
            if !sawColon {
                if b == UInt8(ascii: ":") {
                    if first { return false }
                    sawColon = true
                    continue
                }
                let isAlpha = (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
                let isOther = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+")
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                if !(isAlpha || (!first && isOther)) { return false }
                first = false
                continue
            }
            switch b {
            case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            default: continue
            }
        }
        return sawColon
    }

    /// The IRI split after its last `#` or `/` into a namespace and a local
    /// name, when the local name is a valid XML NCName (as RDF/XML needs).
    public var namespaceAndLocalName: (namespace: String, localName: String)? {
        let scalars = Array(string.unicodeScalars)
        var cut = scalars.count
        // Take the longest NCName suffix that does not start with a digit, '-' or '.'.
        while cut > 0 {
            let v = scalars[cut - 1].value
            if v == 0x3A || !(NameCharacters.isNameChar(v)) { break }
            cut -= 1
        }
        while cut < scalars.count && !NameCharacters.isNameStartChar(scalars[cut].value) { cut += 1 }
        guard cut < scalars.count, cut > 0 else { return nil }
        var ns = String.UnicodeScalarView(); ns.append(contentsOf: scalars[..<cut])
        var local = String.UnicodeScalarView(); local.append(contentsOf: scalars[cut...])
        return (String(ns), String(local))
    }
}

/// The XML 1.0 name character classes, needed here to split IRIs for
/// RDF/XML without making the model depend on the XML module.
enum NameCharacters {
    static func isNameStartChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    static func isNameChar(_ v: UInt32) -> Bool {
        if isNameStartChar(v) { return true }
        switch v {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
