import DocGraphRDF

/// How text is spelled in the exports, byte by byte over UTF-8 (Chinese
/// and every other non-ASCII character is written as it is).
///
/// One character no engine keeps is replaced by U+FFFD and counted: NUL,
/// which FalkorDB's C strings end at and which `\u` escapes cannot carry
/// either (FalkorDB does not read `\u` escapes at all). In CSV lists, U+001F
/// (the unit separator, which neither XML nor DocGraph's extraction ever
/// produces) separates the elements, so inside an element it is replaced too.
enum ExportEscaping {
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    /// The separator of list elements in CSV fields.
    static let listSeparator: UInt8 = 0x1F

    /// Writes `s` as a single-quoted openCypher string: `\\`, `\'`, and
    /// `\n`, `\r`, `\t`, `\b`, `\f` for those controls, so that every
    /// statement of a script stays on lines of its own.
    static func cypherString(_ s: String, to out: ByteOutput, replaced: inout Int) {
        out.write(byte: UInt8(ascii: "'"))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() {
                let escape: [UInt8]?
                switch b {
                case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
                case UInt8(ascii: "'"): escape = [0x5C, UInt8(ascii: "'")]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x08: escape = [0x5C, UInt8(ascii: "b")]
                case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
                case 0x00: escape = replacement; replaced += 1
                default: escape = nil
                }
                guard let escape else { continue }
                out.write(bytes: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.write(bytes: escape)
                start = i + 1
            }
            out.write(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.write(byte: UInt8(ascii: "'"))
    }

    /// Writes `s` as an RFC 4180 CSV field, always quoted (`"` doubled),
    /// so separators, quotes, backslashes and line breaks need nothing else.
    static func csvField(_ s: String, to out: ByteOutput, replaced: inout Int) {
        out.write(byte: UInt8(ascii: "\""))
        csvContent(s, inList: false, to: out, replaced: &replaced)
        out.write(byte: UInt8(ascii: "\""))
    }

    /// Writes a list as one CSV field, its elements separated by U+001F; an
    /// empty list is an empty (null) field.
    static func csvList(_ list: [String], to out: ByteOutput, replaced: inout Int) {
        guard !list.isEmpty else { return }
        out.write(byte: UInt8(ascii: "\""))
        for (i, s) in list.enumerated() {
            if i > 0 { out.write(byte: listSeparator) }
            csvContent(s, inList: true, to: out, replaced: &replaced)
        }
        out.write(byte: UInt8(ascii: "\""))
    }

    private static func csvContent(_ s: String, inList: Bool, to out: ByteOutput, replaced: inout Int) {
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() {
                let escape: [UInt8]
                switch b {
                case UInt8(ascii: "\""): escape = [0x22, 0x22]
                case 0x00: escape = replacement; replaced += 1
                case listSeparator where inList: escape = replacement; replaced += 1
                default: continue
                }
                out.write(bytes: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.write(bytes: escape)
                start = i + 1
            }
            out.write(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// A confidence as a number literal both Cypher and CSV readers take;
    /// one that is not finite has no such spelling and is left out.
    static func number(_ x: Double) -> String? {
        x.isFinite ? String(x) : nil
    }
}
