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

    /// Reads the header: the first non-empty line is the title, a
    /// `【信息时间:…】` or `发布时间:` line gives the date, and a
    /// `【信息来源:…】` or `来源:` line the source.
    public init(id: String, text: String, checksum: String) {
        self.id = id
        self.checksum = checksum
        scalars = Array(text.unicodeScalars)
        // Only the opening lines hold the header: split the first few
        // thousand characters, not the whole text.
        let opening = text.unicodeScalars.prefix(4000)
        let lines = String(String.UnicodeScalarView(opening)).split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .prefix(8).map { $0.trimmingCharacters(in: .whitespaces) }
        title = lines.first { !$0.isEmpty }
        // Header lines are short; a paragraph of the body is never searched for them.
        let header = lines.filter { $0.utf8.count <= 240 }
        var date: String?
        for line in header {
            for marker in ["信息时间", "发布时间", "时间"] {
                guard let r = Self.range(of: marker, in: line) else { continue }
                let rest = line[r.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " }
                let value = rest.prefix { $0.isNumber || $0 == "-" || $0 == "/" || $0 == "年" || $0 == "月" || $0 == "日" }
                if !value.isEmpty { date = String(value); break }
            }
            if date != nil { break }
        }
        self.date = date
        var source: String?
        for line in header {
            guard let r = Self.range(of: "来源", in: line) else { continue }
            let rest = line[r.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " }
            let value = rest.prefix { !"】]|｜\t".contains($0) && $0 != " " }
            if !value.isEmpty { source = String(value) }
            break
        }
        self.source = source
    }

    /// Where `word` first stands in `line` (a plain search, without locale rules).
    static func range(of word: String, in line: String) -> Range<String.Index>? {
        var start = line.startIndex
        while start < line.endIndex {
            if line[start...].hasPrefix(word) { return start..<line.index(start, offsetBy: word.count) }
            start = line.index(after: start)
        }
        return nil
    }

    public var document: Document { Document(id: id, title: title, date: date, source: source, checksum: checksum) }

    func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }
}
