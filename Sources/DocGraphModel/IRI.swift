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
    /// constants, parser output) without checking it again. The caller
    /// guarantees what ``isAbsolute(_:)`` checks: writers copy IRIs as they
    /// are, without scanning them a second time.
    public init(unchecked string: String) {
        self.string = string
    }

    public var description: String { "<\(string)>" }

    /// IRIs are equal when their code points are (see ``CodePointString``).
    public static func == (a: IRI, b: IRI) -> Bool { CodePointString.equal(a.string, b.string) }
    public func hash(into hasher: inout Hasher) { CodePointString.hash(string, into: &hasher) }
    public static func < (a: IRI, b: IRI) -> Bool { CodePointString.less(a.string, b.string) }

    /// True for `scheme:rest` with no character that an IRI never holds.
    public static func isAbsolute(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isAbsolute(utf8: $0) }
    }

    /// The index of the colon ending a leading `scheme:` (RFC 3986 §3.1:
    /// a letter, then letters, digits, `+`, `-` or `.`), or nil.
    public static func schemeEnd(utf8 u: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 0
        while k < u.count && u[k] != 0x3A {
            let c = u[k]
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if !(letter || (k > 0 && ((c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E))) { return nil }
            k += 1
        }
        return k > 0 && k < u.count ? k : nil
    }

    /// ``isAbsolute(_:)`` on UTF-8 bytes, for parsers that hold them already.
    public static func isAbsolute(utf8 u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var k = schemeEnd(utf8: u) else { return false }
        k += 1
        while k < u.count {
            let c = u[k]
            k += 1
            if c >= 0x80 { continue }  // non-ASCII (UTF-8 of ucschar): the bulk of Chinese IRIs
            if isForbiddenASCII(c) { return false }
        }
        return true
    }

    /// ASCII bytes an IRI never holds unescaped: controls, space, `<>"{}|\^` and backquote.
    @inlinable @inline(__always)
    public static func isForbiddenASCII(_ c: UInt8) -> Bool {
        if c <= 0x20 { return true }
        switch c {
        case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60: return true
        default: return false
        }
    }

    /// The local name when the IRI has one (`enacted`), else the whole IRI:
    /// how a class or predicate is shown to people.
    public var displayName: String { namespaceAndLocalName?.localName ?? string }

    /// The IRI split after its last `#` or `/` into a namespace and a local
    /// name, when the local name is a valid XML NCName (as RDF/XML needs).
    public var namespaceAndLocalName: (namespace: String, localName: String)? {
        // Walked in place and cut as two slices: copying the scalars to an array and appending them one
        // by one to new strings took ~39,000 instructions an IRI.
        let scalars = string.unicodeScalars
        var cut = scalars.endIndex
        // Take the longest NCName suffix that does not start with a digit, '-' or '.'.
        while cut > scalars.startIndex {
            let before = scalars.index(before: cut)
            let v = scalars[before].value
            if v == 0x3A || !(NameCharacters.isNameChar(v)) { break }
            cut = before
        }
        while cut < scalars.endIndex && !NameCharacters.isNameStartChar(scalars[cut].value) { cut = scalars.index(after: cut) }
        guard cut < scalars.endIndex, cut > scalars.startIndex else { return nil }
        return (String(scalars[..<cut]), String(scalars[cut...]))
    }
}

/// The XML 1.0 (5th edition) name character classes, without the colon:
/// what a prefix or local name in RDF/XML, and a GraphML key, may hold.
public enum NameCharacters {
    /// Whether `s` is an XML `NCName`.
    public static func isNCName(_ s: String) -> Bool {
        var first = true
        for u in s.unicodeScalars {
            if first {
                guard isNameStartChar(u.value) else { return false }
                first = false
            } else if !isNameChar(u.value) {
                return false
            }
        }
        return !first
    }

    public static func isNameStartChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    public static func isNameChar(_ v: UInt32) -> Bool {
        if isNameStartChar(v) { return true }
        switch v {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
