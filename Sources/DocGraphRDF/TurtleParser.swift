import DocGraphModel
import FoundationEssentials

/// Reads Turtle (RDF 1.1): prefixes and base, `a`, predicate and object
/// lists, blank node property lists `[ … ]`, collections `( … )`, every
/// string form with its escapes, language tags, datatypes, and numbers and
/// booleans as `xsd:integer`, `xsd:decimal`, `xsd:double`, `xsd:boolean`.
/// Errors name the line and column.
///
/// Most RDF published today, and the data of the W3C SPARQL tests, is Turtle.
public struct TurtleParser {
    /// The deepest nesting of `[ … ]` and `( … )` accepted.
    public static let maximumDepth = 256
    /// The name used in error messages.
    public let source: String
    let base: String?

    /// `base` resolves relative IRIs until the document sets its own.
    public init(source: String, base: String? = nil) {
        self.source = source
        self.base = base
    }

    /// Parses the file at `path`.
    public static func parse(path: String, base: String? = nil, into sink: inout some TripleSink) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(source: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read file" : "no such file")
        }
        try TurtleParser(source: path, base: base ?? "file://" + path).parse(bytes: [UInt8](data), into: &sink)
    }

    /// Parses a document held in a string.
    public func parse(_ text: String, into sink: inout some TripleSink) throws {
        try parse(bytes: Array(text.utf8), into: &sink)
    }

    public func parse(bytes: [UInt8], into sink: inout some TripleSink) throws {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw ParseError(source: source, message: "not valid UTF-8")
        }
        var reader = Reader(bytes: Array(body), source: source, base: base)
        try reader.document { try sink.consume($0) }
    }
}

extension TurtleParser {
    struct Reader {
        let b: [UInt8]
        let source: String
        var i = 0
        var line = 1
        var lineStart = 0
        var base: String?
        var prefixes: [String: String] = [:]
        var labels: [String: BlankNode] = [:]
        var fresh = 0
        /// How many `[ … ]` and `( … )` enclose the parser: each level is a
        /// recursive call, so a hostile file could otherwise exhaust the stack.
        var depth = 0
        /// A per-document token, so that blank nodes of two documents never meet.
        let scope: String

        init(bytes: [UInt8], source: String, base: String?) {
            b = bytes
            self.source = source
            self.base = base
            // FNV-1a of the content: the same document always gives the same blank node names.
            var h: UInt32 = 2_166_136_261
            for c in bytes { h = (h ^ UInt32(c)) &* 16_777_619 }
            scope = String(h, radix: 36)
        }

        // MARK: characters

        var atEnd: Bool { i >= b.count }
        var peek: UInt8 { i < b.count ? b[i] : 0 }
        func peek(_ k: Int) -> UInt8 { i + k < b.count ? b[i + k] : 0 }

        func error(_ message: String) -> ParseError {
            ParseError(source: source, line: line, column: i - lineStart + 1, message: message)
        }

        mutating func advance() {
            if b[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }

        mutating func skipSpace() {
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0D, 0x0A: advance()
                case UInt8(ascii: "#"): while i < b.count && b[i] != 0x0A { i += 1 }
                default: return
                }
            }
        }

        mutating func expect(_ c: Character) throws(ParseError) {
            skipSpace()
            guard peek == c.asciiValue! else { throw error("expected '\(c)'") }
            advance()
        }

        /// Matches an ASCII keyword case-insensitively, as a whole word.
        func keyword(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= b.count else { return false }
            for k in 0..<w.count where b[i + k] | 0x20 != w[k] | 0x20 { return false }
            let after = i + w.count < b.count ? b[i + w.count] : 0x20
            return !(isNameChar(after) || after == UInt8(ascii: ":"))
        }

        func isNameChar(_ c: UInt8) -> Bool {
            c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2D
        }

        // MARK: statements

        mutating func document(_ emit: (Triple) throws -> Void) throws {
            while true {
                skipSpace()
                if atEnd { return }
                if peek == UInt8(ascii: "@") {
                    advance()
                    if keyword("prefix") { i += 6; try prefixDeclaration(); try expect(".") }
                    else if keyword("base") { i += 4; try baseDeclaration(); try expect(".") }
                    else { throw error("expected @prefix or @base") }
                } else if keyword("prefix") {
                    i += 6
                    try prefixDeclaration()
                } else if keyword("base") {
                    i += 4
                    try baseDeclaration()
                } else {
                    try triples(emit)
                    try expect(".")
                }
            }
        }

        mutating func prefixDeclaration() throws(ParseError) {
            skipSpace()
            let start = i
            while !atEnd && peek != UInt8(ascii: ":") {
                guard isNameChar(peek) || peek == UInt8(ascii: ".") else { throw error("expected a prefix name and ':'") }
                advance()
            }
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the prefix name") }
            let name = String(decoding: b[start..<i], as: UTF8.self)
            advance()
            skipSpace()
            prefixes[name] = try iriReference()
        }

        mutating func baseDeclaration() throws(ParseError) {
            skipSpace()
            base = try iriReference()
        }

        mutating func triples(_ emit: (Triple) throws -> Void) throws {
            skipSpace()
            let subject: Subject
            if peek == UInt8(ascii: "[") {
                let node = try blankNodePropertyList(emit)
                skipSpace()
                if peek == UInt8(ascii: ".") { return }   // `[ … ] .` stands alone
                subject = .blank(node)
            } else {
                guard let s = try object(emit).subject else { throw error("a literal cannot be a subject") }
                subject = s
            }
            try predicateObjectList(subject, emit)
        }

        mutating func predicateObjectList(_ subject: Subject, _ emit: (Triple) throws -> Void) throws {
            while true {
                skipSpace()
                let predicate = try verb()
                while true {
                    let o = try object(emit)
                    try emit(Triple(subject, predicate, o))
                    skipSpace()
                    guard peek == UInt8(ascii: ",") else { break }
                    advance()
                }
                skipSpace()
                guard peek == UInt8(ascii: ";") else { return }
                while peek == UInt8(ascii: ";") { advance(); skipSpace() }
                // A trailing ';' before '.' or ']' ends the list.
                if peek == UInt8(ascii: ".") || peek == UInt8(ascii: "]") || atEnd { return }
            }
        }

        mutating func verb() throws(ParseError) -> IRI {
            if peek == UInt8(ascii: "a") {
                let after = peek(1)
                if !(isNameChar(after) || after == UInt8(ascii: ":") || after == UInt8(ascii: ".")) {
                    advance()
                    return RDF.type
                }
            }
            guard peek == UInt8(ascii: "<") || isNameChar(peek) || peek == UInt8(ascii: ":") else {
                throw error("expected a predicate (an IRI, a prefixed name or 'a')")
            }
            return try iri()
        }

        mutating func enter() throws(ParseError) {
            depth += 1
            if depth > TurtleParser.maximumDepth {
                throw error("blank nodes and collections nested deeper than \(TurtleParser.maximumDepth) levels (the limit)")
            }
        }

        mutating func blankNodePropertyList(_ emit: (Triple) throws -> Void) throws -> BlankNode {
            try enter()
            defer { depth -= 1 }
            advance()  // [
            let node = newBlank()
            skipSpace()
            if peek == UInt8(ascii: "]") { advance(); return node }
            try predicateObjectList(.blank(node), emit)
            try expect("]")
            return node
        }

        mutating func newBlank() -> BlankNode {
            fresh += 1
            return BlankNode("t\(scope)b\(fresh)")
        }

        // MARK: terms

        mutating func object(_ emit: (Triple) throws -> Void) throws -> Term {
            skipSpace()
            switch peek {
            case UInt8(ascii: "<"): return .iri(IRI(unchecked: try iriReference()))
            case UInt8(ascii: "_") where peek(1) == UInt8(ascii: ":"): return .blank(try blankNodeLabel())
            case UInt8(ascii: "["): return .blank(try blankNodePropertyList(emit))
            case UInt8(ascii: "("): return try collection(emit)
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return .literal(try rdfLiteral())
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if peek == UInt8(ascii: ".") && !(peek(1) >= 0x30 && peek(1) <= 0x39) { throw error("unexpected '.'") }
                return .literal(try number())
            default:
                if keyword("true") { i += 4; return .literal(Literal("true", datatype: XSD.boolean)) }
                if keyword("false") { i += 5; return .literal(Literal("false", datatype: XSD.boolean)) }
                if atEnd { throw error("unexpected end of document") }
                return .iri(try iri())
            }
        }

        mutating func collection(_ emit: (Triple) throws -> Void) throws -> Term {
            try enter()
            defer { depth -= 1 }
            advance()  // (
            var items: [Term] = []
            while true {
                skipSpace()
                if peek == UInt8(ascii: ")") { advance(); break }
                if atEnd { throw error("unclosed '('") }
                items.append(try object(emit))
            }
            guard !items.isEmpty else { return .iri(RDF.nil_) }
            let nodes = items.map { _ in newBlank() }
            for (k, item) in items.enumerated() {
                try emit(Triple(.blank(nodes[k]), RDF.first, item))
                try emit(Triple(.blank(nodes[k]), RDF.rest, k + 1 < nodes.count ? .blank(nodes[k + 1]) : .iri(RDF.nil_)))
            }
            return .blank(nodes[0])
        }

        mutating func blankNodeLabel() throws(ParseError) -> BlankNode {
            i += 2
            let start = i
            while i < b.count && (isNameChar(b[i]) || b[i] == UInt8(ascii: ".")) { i += 1 }
            while i > start && b[i - 1] == UInt8(ascii: ".") { i -= 1 }   // a final '.' ends the statement
            guard i > start else { throw error("expected a blank node label after '_:'") }
            let label = String(decoding: b[start..<i], as: UTF8.self)
            if let node = labels[label] { return node }
            let node = BlankNode("t\(scope)l\(labels.count + 1)")
            labels[label] = node
            return node
        }

        /// `<…>` resolved against the base.
        mutating func iriReference() throws(ParseError) -> String {
            skipSpace()
            guard peek == UInt8(ascii: "<") else { throw error("expected '<'") }
            advance()
            var bytes: [UInt8] = []
            while true {
                guard i < b.count else { throw error("unclosed IRI") }
                let c = b[i]
                if c == UInt8(ascii: ">") { i += 1; break }
                if c == UInt8(ascii: "\\") {
                    let u = try unicodeEscape()
                    guard !(u.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(u)) else {
                        throw error("character U+\(String(u.value, radix: 16, uppercase: true)) is not allowed in an IRI")
                    }
                    bytes += Array(String(u).utf8)
                    continue
                }
                if c <= 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
                    || c == UInt8(ascii: "|") || c == UInt8(ascii: "^") || c == UInt8(ascii: "`") {
                    throw error("character '\(Unicode.Scalar(c).escaped(asASCII: true))' is not allowed in an IRI")
                }
                bytes.append(c)
                i += 1
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if IRI.isAbsolute(text) { return text }
            guard let base else { throw error("relative IRI <\(text)> with no base") }
            return IRIResolver.resolve(text, against: base)
        }

        /// `\uXXXX` or `\UXXXXXXXX` at the cursor.
        mutating func unicodeEscape() throws(ParseError) -> Unicode.Scalar {
            let kind = peek(1)
            let n = kind == UInt8(ascii: "u") ? 4 : kind == UInt8(ascii: "U") ? 8 : 0
            guard n > 0, i + 2 + n <= b.count, let v = UInt32(String(decoding: b[(i + 2)..<(i + 2 + n)], as: UTF8.self), radix: 16),
                  let u = Unicode.Scalar(v) else { throw error("invalid escape: expected \\uXXXX or \\UXXXXXXXX") }
            i += 2 + n
            return u
        }

        /// An IRI or a prefixed name.
        mutating func iri() throws(ParseError) -> IRI {
            if peek == UInt8(ascii: "<") { return IRI(unchecked: try iriReference()) }
            let start = i
            while i < b.count && b[i] != UInt8(ascii: ":") && (isNameChar(b[i]) || b[i] == UInt8(ascii: ".")) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: ":") else {
                i = start
                throw error("expected an IRI or a prefixed name")
            }
            let prefix = String(decoding: b[start..<i], as: UTF8.self)
            guard let namespace = prefixes[prefix] else {
                i = start
                throw error("unknown prefix '\(prefix):'")
            }
            i += 1
            var local: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\\") {
                    // PN_LOCAL_ESC: the escaped character stands for itself.
                    let e = peek(1)
                    guard "_~.-!$&'()*+,;=/?#@%".utf8.contains(e) else { throw error("invalid escape in a prefixed name") }
                    local.append(e)
                    i += 2
                } else if c == UInt8(ascii: "%") {
                    guard i + 2 < b.count, isHex(b[i + 1]), isHex(b[i + 2]) else { throw error("'%' must be followed by two hex digits") }
                    local += b[i...(i + 2)]
                    i += 3
                } else if isNameChar(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") {
                    local.append(c)
                    i += 1
                } else {
                    break
                }
            }
            // A name does not end with '.': that dot ends the statement.
            while local.last == UInt8(ascii: "."), i > start, b[i - 1] == UInt8(ascii: ".") { local.removeLast(); i -= 1 }
            return IRI(unchecked: namespace + String(decoding: local, as: UTF8.self))
        }

        func isHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }

        mutating func rdfLiteral() throws -> Literal {
            let lexical = try string()
            if peek == UInt8(ascii: "@") {
                advance()
                let start = i
                while i < b.count && ((b[i] | 0x20 >= 0x61 && b[i] | 0x20 <= 0x7A) || b[i] == UInt8(ascii: "-") || (b[i] >= 0x30 && b[i] <= 0x39)) { i += 1 }
                guard i > start else { throw error("expected a language tag after '@'") }
                return Literal(lexical, language: String(decoding: b[start..<i], as: UTF8.self))
            }
            if peek == UInt8(ascii: "^") && peek(1) == UInt8(ascii: "^") {
                i += 2
                return Literal(lexical, datatype: try iri())
            }
            return Literal(lexical)
        }

        /// Any of the four string forms, with escapes decoded.
        mutating func string() throws(ParseError) -> String {
            let q = peek
            let opening = error("unclosed string")   // reported where the string opens
            let long = peek(1) == q && peek(2) == q
            i += long ? 3 : 1
            var out: [UInt8] = []
            while true {
                guard i < b.count else { throw opening }
                let c = b[i]
                if c == q {
                    if !long { i += 1; break }
                    if peek(1) == q && peek(2) == q {
                        // Up to two more quotes may belong to the string: """a""""" ends after the last three.
                        var k = 3
                        while k < 5 && peek(k) == q { k += 1 }
                        out += [UInt8](repeating: q, count: k - 3)
                        i += k
                        break
                    }
                    out.append(c)
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "\\") {
                    let e = peek(1)
                    switch e {
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out.append(e)
                    case UInt8(ascii: "u"), UInt8(ascii: "U"):
                        out += Array(String(try unicodeEscape()).utf8)
                        continue
                    default: throw error("invalid escape '\\\(Unicode.Scalar(e))' in a string")
                    }
                    i += 2
                    continue
                }
                if !long && (c == 0x0A || c == 0x0D) { throw error("line break in a short string: use \"\"\" for long strings") }
                if c == 0x0A { line += 1; lineStart = i + 1 }
                out.append(c)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// INTEGER, DECIMAL or DOUBLE, kept as written.
        mutating func number() throws(ParseError) -> Literal {
            let start = i
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int { let s = i; while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }; return i - s }
            let whole = digits()
            var datatype = XSD.integer
            if peek == UInt8(ascii: "."), peek(1) >= 0x30 && peek(1) <= 0x39 {
                i += 1
                _ = digits()
                datatype = XSD.decimal
            }
            if peek | 0x20 == UInt8(ascii: "e") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw error("expected digits in the exponent") }
                datatype = XSD.double
            } else if whole == 0 && datatype == XSD.integer {
                throw error("expected a number")
            }
            return Literal(String(decoding: b[start..<i], as: UTF8.self), datatype: datatype)
        }
    }
}
