/// A JSON value with the place it starts at.
///
/// Gold files are written by hand, so a mistake in one should be reported where it is: Foundation's
/// parsers give a value without positions and, for malformed input, a position only inside a
/// message. This small reader (RFC 8259, UTF-8) keeps the byte offset of every value; the line
/// and column are worked out only for an error (``position(of:in:)``), so that a gold file written
/// on one long line costs no more to read than any other.
struct JSONValue: Sendable {
    enum Kind: Sendable {
        /// Members in file order; a name given twice keeps its last value when looked up, as Python's
        /// `json` module (and so the reference scorer) does.
        case object([Member])
        case array([JSONValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Member: Sendable {
        var name: String
        var value: JSONValue
    }

    var kind: Kind
    /// Where the value starts in the bytes read.
    var offset: Int

    /// The value of member `name` of an object (the last one when repeated); nil for a missing
    /// member or a value that is not an object.
    subscript(name: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last { $0.name == name }?.value
    }

    var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let a) = kind { return a }
        return nil
    }

    var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// What the value is, for messages: "a string", "an array", ….
    var description: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let s): return "the string \"\(s)\""
        case .number: return "a number"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A malformed document: what was wrong and where (a byte offset).
    struct SyntaxError: Error, Sendable, Equatable {
        var offset: Int
        var message: String
    }

    /// The 1-based line and column of a byte offset; columns count characters (Unicode scalars),
    /// not bytes.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        // A byte-order mark is no character an editor shows.
        var k = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while k < min(offset, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }

    /// Reads one JSON value (with only white space around it) from UTF-8 bytes; a byte-order mark
    /// is passed over.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.i = 3 }
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.i < bytes.count { throw reader.error("unexpected \(reader.found) after the JSON value") }
        return value
    }
}

/// The recursive-descent reader behind ``JSONValue/parse(_:)``.
private struct Reader {
    let bytes: [UInt8]
    var i = 0

    /// Deeper nesting than any gold file needs is refused rather than risking the stack.
    static let maximumDepth = 512

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String, at position: Int? = nil) -> JSONValue.SyntaxError {
        JSONValue.SyntaxError(offset: min(position ?? i, bytes.count), message: message)
    }

    /// The next character quoted for a message, or "the end of the file".
    var found: String {
        guard i < bytes.count else { return "end of file" }
        var end = i + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let s = String(decoding: bytes[i..<end], as: UTF8.self)
        return s == "'" ? "\"'\"" : "'\(s)'"
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D, 0x0A: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        let start = i
        func made(_ kind: JSONValue.Kind) -> JSONValue { JSONValue(kind: kind, offset: start) }
        guard i < bytes.count else { throw error("unexpected end of file, expected a value") }
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [JSONValue.Member] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return made(.object(members)) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a member name in double quotes, found \(found)")
                }
                let name = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after \"\(name)\", found \(found)") }
                i += 1
                skipSpace()
                members.append(JSONValue.Member(name: name, value: try value(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file in an object, expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return made(.object(members)) }
                throw error("expected ',' or '}' after a member, found \(found)")
            }
        case UInt8(ascii: "["):
            i += 1
            var elements: [JSONValue] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return made(.array(elements)) }
            while true {
                skipSpace()
                elements.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file in an array, expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return made(.array(elements)) }
                throw error("expected ',' or ']' after an element, found \(found)")
            }
        case UInt8(ascii: "\""):
            return made(.string(try string()))
        case UInt8(ascii: "t"): try literal("true"); return made(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return made(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return made(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return made(.number(try number()))
        default:
            throw error("expected a value, found \(found)")
        }
    }

    mutating func literal(_ word: String) throws(JSONValue.SyntaxError) {
        let w = Array(word.utf8)
        guard bytes.count - i >= w.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("expected a value, found \(found)")
        }
        i += w.count
    }

    mutating func number() throws(JSONValue.SyntaxError) -> Double {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        if intDigits == 0 { throw error("expected a digit, found \(found)") }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { throw error("a number cannot start with 0", at: intStart) }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw error("expected a digit after '.', found \(found)") }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { throw error("expected a digit in the exponent, found \(found)") }
        }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
    }

    mutating func string() throws(JSONValue.SyntaxError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unexpected end of file in a string that starts here", at: open) }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("a string that is not valid UTF-8", at: open) }
                return s
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw error("unexpected end of file in a string that starts here", at: open) }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    // A lone surrogate has no UTF-8 form: it stands as U+FFFD.
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
                default:
                    throw error("invalid escape '\\" + String(decoding: [e], as: UTF8.self) + "' in a string", at: i - 2)
                }
            case 0x00..<0x20:
                throw error(b == 0x0A ? "a line break inside a string (write \\n)" : "a control character inside a string (escape it)")
            default:
                out.append(b)
                i += 1
            }
        }
    }

    mutating func hex4() throws(JSONValue.SyntaxError) -> UInt32 {
        guard bytes.count - i >= 4 else { throw error("expected four hexadecimal digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected four hexadecimal digits after \\u, found \(found)")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
