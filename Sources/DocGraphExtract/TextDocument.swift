import DocGraphModel

/// A document's text as Unicode scalars (the unit of every offset in
/// provenance) with the metadata read from its header.
public struct TextDocument: Sendable {
    public let id: String
    public let scalars: [Unicode.Scalar]
    public let title: String?
    public let date: String?
    /// Where the document says it comes from (`【信息来源:…】`, `来源:…`).
    public let source: String?
    public let checksum: String
    /// Where the text was read from and as what (see ``Document``).
    public let location: String?
    public let format: String?
    /// For a document read from pages (PDF, scanned images): the offset,
    /// in scalars, where page 1, 2, … starts. Evidence names its page from it.
    public let pageStarts: [Int]?

    /// Reads the header: the first non-empty line is the title, a
    /// `【信息时间:…】` or `发布时间:` line gives the date, and a
    /// `【信息来源:…】` or `来源:` line the source. Only the first lines are
    /// looked at, and only short ones (a body paragraph is no header).
    /// Metadata given here (from an HTML page's meta tags or a Word
    /// document's properties) wins over what the header says.
    static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0xFFFE || u.value == 0xFFFF
    }

    public init(id: String, text: String, checksum: String, title: String? = nil, date: String? = nil,
                source: String? = nil, location: String? = nil, format: String? = nil, pageStarts: [Int]? = nil) {
        self.id = id
        self.pageStarts = pageStarts
        self.checksum = checksum
        self.location = location
        self.format = format
        var s = Self.scalars(of: text)
        // Characters XML 1.0 cannot carry (C0 controls other than tab and
        // line breaks, U+FFFE, U+FFFF) become U+FFFD here, once, scalar for
        // scalar: offsets stay put, and every output format shows the same
        // name instead of each writer replacing them its own way.
        for i in s.indices where Self.isForbidden(s[i]) { s[i] = "\u{FFFD}" }
        scalars = s
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i <= s.count && lines.count < 8 && i < 8_000 {
            if i == s.count || s[i] == "\n" || s[i] == "\r" {
                var a = start, b = i
                while a < b && s[a].properties.isWhitespace { a += 1 }
                while b > a && s[b - 1].properties.isWhitespace { b -= 1 }
                if a < b { lines.append(a..<b) }
                start = i + 1
            }
            i += 1
        }
        func string(_ r: Range<Int>) -> String { String(scalars: s[r]) }
        self.title = title ?? lines.first.map(string)
        let header = lines.filter { $0.count <= 120 }
        /// The value after `marker` (and a colon) in a header line, up to the first stop.
        func value(after markers: [String], stop: (Unicode.Scalar) -> Bool) -> String? {
            let words = markers.map { Array($0.unicodeScalars) }
            for line in header {
                for m in words {
                    guard let at = line.first(where: { k in k + m.count <= line.upperBound && s[k..<(k + m.count)].elementsEqual(m) })
                    else { continue }
                    var k = at + m.count
                    while k < line.upperBound && (s[k] == ":" || s[k] == "：" || s[k] == " ") { k += 1 }
                    var e = k
                    while e < line.upperBound && !stop(s[e]) { e += 1 }
                    if e > k { return string(k..<e) }
                }
            }
            return nil
        }
        self.date = date ?? value(after: ["信息时间", "发布时间", "时间"]) { u in
            !(u.properties.numericType != nil || u == "-" || u == "/" || u == "年" || u == "月" || u == "日")
        }
        self.source = source ?? value(after: ["来源"]) { u in "】]|｜\t ".unicodeScalars.contains(u) }
    }

    /// The scalars of `text`, decoded in one pass over its UTF-8 into an array of the right size
    /// (`Array(text.unicodeScalars)` decodes the text twice, once to count).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { p in
            var count = 0
            for b in p where b & 0xC0 != 0x80 { count += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
                var i = 0, k = 0
                while i < p.count && k < count {
                    let b0 = UInt32(p[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0; i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F); i += 4
                    }
                    // (a String's UTF-8 is valid: every value decoded is a scalar)
                    out[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    k += 1
                }
                initialized = k
            }
        }
    }

    public var document: Document {
        Document(id: id, title: title, date: date, source: source, checksum: checksum, location: location, format: format)
    }

    /// The text of a range of scalars, as written.
    public func text(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }

    /// The page (from 1) that the scalar at `offset` is on, for a paged document.
    public func page(at offset: Int) -> Int? {
        guard let starts = pageStarts, !starts.isEmpty else { return nil }
        // The last page starting at or before the offset (a page with no text starts where the next does).
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(lo, 1)
    }
}
