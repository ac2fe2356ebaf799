#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocGraphModel

/// Reads N-Triples (RDF 1.1), line by line, in constant memory.
///
/// Every line stands alone, which is what makes N-Triples the format for
/// splitting, streaming and merging big graphs.
public struct NTriplesParser {
    /// The name used in error messages.
    public let source: String
    /// IRIs met on recent lines: subjects and predicates repeat, and a hit
    /// skips decoding and checking the same bytes again.
    let recent = RecentIRIs()

    public init(source: String) { self.source = source }

    /// Streams every triple of the file at `path` into `sink`.
    public static func parse(path: String, into sink: inout some TripleSink) throws {
        let parser = NTriplesParser(source: path)
        try LineReader(path: path).forEachLine { line, number in
            if let t = try parser.parseLine(line, lineNumber: number) { try sink.consume(t) }
        }
    }

    /// Parses a document held in a string.
    public func parse(_ text: String, into sink: inout some TripleSink) throws {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var bytes = Array(line.utf8)
            if bytes.last == 0x0D { bytes.removeLast() }
            if let t = try bytes.withUnsafeBufferPointer({ try parseLine($0, lineNumber: number) }) {
                try sink.consume(t)
            }
        }
    }

    /// One line: a triple, or nil for a blank or comment line.
    public func parseLine(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(ParseError) -> Triple? {
        var c = Cursor(bytes: line, source: source, line: lineNumber, recent: recent)
        c.skipSpace()
        if c.atEnd || c.peek == UInt8(ascii: "#") { return nil }
        let subject: Subject
        switch c.peek {
        case UInt8(ascii: "<"): subject = .iri(try c.iri())
        case UInt8(ascii: "_"): subject = .blank(try c.blankNode())
        default: throw c.error("expected '<' or '_:' to start a subject")
        }
        c.skipSpace()
        guard c.peek == UInt8(ascii: "<") else { throw c.error("expected '<' to start a predicate IRI") }
        let predicate = try c.iri()
        c.skipSpace()
        let object: Term
        switch c.peek {
        case UInt8(ascii: "<"): object = .iri(try c.iri())
        case UInt8(ascii: "_"): object = .blank(try c.blankNode())
        case UInt8(ascii: "\""): object = .literal(try c.literal())
        default: throw c.error("expected an IRI, a blank node or a literal as object")
        }
        c.skipSpace()
        guard c.peek == UInt8(ascii: ".") else { throw c.error("expected '.' at the end of the triple") }
        c.advance()
        c.skipSpace()
        if !c.atEnd && c.peek != UInt8(ascii: "#") { throw c.error("unexpected text after '.'") }
        return Triple(subject, predicate, object)
    }
}

/// A position in one line of N-Triples.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: String
    let line: Int
    let recent: RecentIRIs
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, source: String, line: Int, recent: RecentIRIs) {
        self.bytes = bytes
        self.source = source
        self.line = line
        self.recent = recent
    }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }
    mutating func advance() { i += 1 }

    func error(_ message: String, at position: Int? = nil) -> ParseError {
        // Columns count characters, not bytes: count UTF-8 lead bytes up to the position.
        let p = min(position ?? i, bytes.count)
        var col = 1
        for k in 0..<p where bytes[k] & 0xC0 != 0x80 { col += 1 }
        return ParseError(source: source, line: line, column: col, message: message)
    }

    mutating func skipSpace() {
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    }

    func string(_ start: Int, _ end: Int) throws(ParseError) -> String {
        guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) else {
            throw error("invalid UTF-8", at: start)
        }
        return s
    }

    mutating func iri() throws(ParseError) -> IRI {
        let open = i
        i += 1
        let start = i
        if let base = bytes.baseAddress, let close = memchr(base + start, 0x3E, bytes.count - start) {
            let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let known = recent.lookup(slice) {
                i = end + 1
                return known
            }
            let iri = try checkedIRI(open: open, start: start)
            recent.insert(slice, iri)
            return iri
        }
        return try checkedIRI(open: open, start: start)
    }

    mutating func checkedIRI(open: Int, start: Int) throws(ParseError) -> IRI {
        var escaped = false
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c >= 0x80 { i += 1; continue }
            if c == UInt8(ascii: ">") { break }
            if c == UInt8(ascii: "\\") {
                escaped = true
            } else if IRI.isForbiddenASCII(c) {
                throw error("character not allowed in an IRI", at: i)
            }
            i += 1
        }
        guard i < bytes.count else { throw error("unterminated IRI", at: open) }
        var text = try string(start, i)
        let absolute = IRI.schemeEnd(utf8: UnsafeBufferPointer(rebasing: bytes[start..<i])) != nil
        i += 1
        if escaped {
            text = try unescape(text, at: start, allowShort: false)
            guard IRI.isAbsolute(text) else { throw error("relative or invalid IRI <\(text)> in N-Triples", at: open) }
        } else if !absolute {
            throw error("relative IRI <\(text)> in N-Triples", at: open)
        }
        return IRI(unchecked: text)
    }

    mutating func blankNode() throws(ParseError) -> BlankNode {
        let open = i
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") else { throw error("expected '_:'") }
        i += 2
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            let ok = b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            if !ok { break }
            i += 1
        }
        while i > start && bytes[i - 1] == UInt8(ascii: ".") { i -= 1 }
        guard i > start else { throw error("empty blank node label", at: open) }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") { throw error("invalid blank node label", at: open) }
        return BlankNode(try string(start, i))
    }

    mutating func literal() throws(ParseError) -> Literal {
        let open = i
        i += 1
        let start = i
        var escaped = false
        while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") {
                escaped = true
                i += 1
            } else if bytes[i] == 0x0D {
                throw error("raw carriage return in a literal", at: i)
            }
            i += 1
        }
        guard i < bytes.count else { throw error("unterminated string literal", at: open) }
        var text = try string(start, i)
        i += 1
        if escaped { text = try unescape(text, at: start, allowShort: true) }
        if peek == UInt8(ascii: "@") {
            i += 1
            let tagStart = i
            while i < bytes.count, bytes[i] == UInt8(ascii: "-") || (bytes[i] >= 0x30 && bytes[i] <= 0x39)
                    || ((bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A) { i += 1 }
            let tag = try string(tagStart, i)
            guard Cursor.isLanguageTag(tag) else { throw error("invalid language tag '@\(tag)'", at: tagStart - 1) }
            return Literal(text, language: tag)
        }
        if peek == UInt8(ascii: "^") {
            guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "^"), bytes[i + 2] == UInt8(ascii: "<") else {
                throw error("expected '^^<' before a datatype IRI")
            }
            i += 2
            return Literal(text, datatype: try iri())
        }
        return Literal(text)
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        // One pass over the bytes (splitting into substrings took ~4,600 instructions a literal): letters,
        // then after each '-' letters and digits; no part empty.
        var part = 0, length = 0
        for b in tag.utf8 {
            if b == UInt8(ascii: "-") {
                guard length > 0 else { return false }
                part += 1
                length = 0
                continue
            }
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            guard letter || (part > 0 && b >= 0x30 && b <= 0x39) else { return false }
            length += 1
        }
        return length > 0
    }

    /// Decodes `\t`, `\n`, `\"` … (literals only) and `\uXXXX`, `\UXXXXXXXX`.
    func unescape(_ s: String, at offset: Int, allowShort: Bool) throws(ParseError) -> String {
        var out = String.UnicodeScalarView()
        var it = Array(s.unicodeScalars)[...]
        while let u = it.popFirst() {
            guard u == "\\" else { out.append(u); continue }
            guard let e = it.popFirst() else { throw error("dangling backslash", at: offset) }
            switch e {
            case "u", "U":
                let n = e == "u" ? 4 : 8
                guard it.count >= n else { throw error("short \\\(e) escape", at: offset) }
                let hex = String(String.UnicodeScalarView(it.prefix(n)))
                it = it.dropFirst(n)
                guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                    throw error("invalid escape \\\(e)\(hex)", at: offset)
                }
                out.append(scalar)
            case "t" where allowShort: out.append("\t")
            case "b" where allowShort: out.append("\u{8}")
            case "n" where allowShort: out.append("\n")
            case "r" where allowShort: out.append("\r")
            case "f" where allowShort: out.append("\u{C}")
            case "\"" where allowShort: out.append("\"")
            case "'" where allowShort: out.append("'")
            case "\\" where allowShort: out.append("\\")
            default: throw error("invalid escape '\\\(e)'", at: offset)
            }
        }
        return String(out)
    }
}

/// A handful of recently read IRIs with their bytes, most often the
/// current subject and the common predicates.
final class RecentIRIs {
    private var bytes: [[UInt8]] = []
    private var iris: [IRI] = []
    private var next = 0
    private let capacity = 16

    func lookup(_ b: UnsafeBufferPointer<UInt8>) -> IRI? {
        guard let p = b.baseAddress, !b.isEmpty else { return nil }
        for k in bytes.indices where bytes[k].count == b.count {
            let same = bytes[k].withUnsafeBufferPointer { q in q.baseAddress.map { memcmp($0, p, b.count) == 0 } ?? false }
            if same { return iris[k] }
        }
        return nil
    }

    func insert(_ b: UnsafeBufferPointer<UInt8>, _ iri: IRI) {
        if bytes.count < capacity {
            bytes.append(Array(b))
            iris.append(iri)
        } else {
            bytes[next] = Array(b)
            iris[next] = iri
            next = (next + 1) % capacity
        }
    }
}
