#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings plain-text documents arrive in, and how each is told apart
/// from the bytes alone: a byte-order mark names UTF-8 or UTF-16; text
/// that is valid UTF-8 is UTF-8; text that is not, but decodes as GB18030
/// (a superset of GBK and GB2312) with mostly Chinese characters, is GB18030;
/// anything else is an error naming the first byte that is not UTF-8.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"

    /// Accepts the usual spellings: `UTF8`, `utf-16LE`, `gbk`, `gb2312`.
    public init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// Why bytes could not be read as text.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// The offset of the first byte that could not be read, where known.
        public var byteOffset: Int?
    }

    /// Decodes `bytes`: with the encoding named by `forced`, else the one
    /// detected. A byte-order mark is not part of the text.
    public static func decode(_ bytes: [UInt8], forced: TextEncoding? = nil) throws(Failure) -> (text: String, encoding: TextEncoding) {
        // Text that is UTF-8 (the common case) is validated once, here, not again by `detect`.
        if forced == nil, !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        }
        let encoding = forced ?? detect(bytes)
        var body = bytes[...]
        switch encoding {
        case .utf8: if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        case .utf16LE: if body.starts(with: [0xFF, 0xFE]) { body = body.dropFirst(2) }
        case .utf16BE: if body.starts(with: [0xFE, 0xFF]) { body = body.dropFirst(2) }
        case .gb18030: break
        }
        switch encoding {
        case .utf8:
            guard let text = String(validating: body, as: UTF8.self) else {
                let offset = body.startIndex + firstInvalidUTF8(body)
                throw Failure(message: "not valid UTF-8 (first bad byte at offset \(offset)); pass --encoding if it is another encoding",
                              byteOffset: offset)
            }
            return (text, .utf8)
        case .utf16LE, .utf16BE:
            guard body.count % 2 == 0 else {
                throw Failure(message: "UTF-16 text with an odd number of bytes", byteOffset: bytes.count - 1)
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let (a, b) = (UInt16(body[i]), UInt16(body[i + 1]))
                units.append(encoding == .utf16LE ? a | b << 8 : a << 8 | b)
                i += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                throw Failure(message: "not valid \(encoding.rawValue.uppercased()) (an unpaired surrogate)", byteOffset: nil)
            }
            return (text, encoding)
        case .gb18030:
            guard let text = convert(Array(body), from: "GB18030") else {
                throw Failure(message: "not valid GB18030", byteOffset: nil)
            }
            return (text, .gb18030)
        }
    }

    /// The encoding the bytes look like; UTF-8 when nothing else fits
    /// (decoding then reports where they stop being UTF-8).
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
        // Not UTF-8: the candidate whose decoding reads most like text (Han
        // characters, CJK punctuation, printable ASCII, white space); binary
        // data decodes to noise in all of them and stays "UTF-8", to be refused.
        let sample = Array(bytes.prefix(64 * 1024))
        var best: (TextEncoding, Double)?
        for candidate in [TextEncoding.gb18030, .utf16LE, .utf16BE] {
            var cut = sample
            if candidate != .gb18030 && cut.count % 2 == 1 { cut.removeLast() }
            // A sample cut from a longer text may end inside a character: GB18030 gets a few tries at a shorter cut.
            var text: String?
            let trims = candidate == .gb18030 && bytes.count > sample.count ? 4 : 1
            for trim in 0..<trims where text == nil && cut.count > trim {
                text = try? decode(Array(cut.dropLast(candidate == .gb18030 ? trim : 0)), forced: candidate).text
            }
            guard let text, !text.isEmpty else { continue }
            var plausible = 0, total = 0
            for u in text.unicodeScalars {
                total += 1
                switch u.value {
                case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF, 0x2000...0x206F, 0x3000...0x303F, 0x3400...0x9FFF, 0xFF00...0xFFEF:
                    plausible += 1
                default: break
                }
            }
            let score = Double(plausible) / Double(total)
            if score >= 0.9, score > best?.1 ?? 0 { best = (candidate, score) }
        }
        if let best { return best.0 }
        return .utf8
    }

    /// The offset of the first byte that breaks UTF-8 (RFC 3629).
    public static func firstInvalidUTF8(_ b: some Collection<UInt8>) -> Int {
        let b = Array(b)
        var i = 0
        while i < b.count {
            let lead = b[i]
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            default: return i
            }
            guard i + length <= b.count, (low...high).contains(b[i + 1]) else { return i }
            for k in 2..<max(length, 2) where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += length
        }
        return i
    }

    /// Converts with the C library's iconv; nil when the bytes are not valid
    /// in `encoding` (iconv stops at an invalid or incomplete sequence).
    static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        convert(bytes, from: encoding, to: "UTF-8").flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Bytes in `encoding` converted to `target` by iconv; nil on an invalid sequence.
    static func convert(_ bytes: [UInt8], from encoding: String, to target: String) -> [UInt8]? {
        guard !bytes.isEmpty else { return [] }
        let cd = iconv_open(target, encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)  // no conversion here grows text more than 4×
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(output[..<written])
    }
}
