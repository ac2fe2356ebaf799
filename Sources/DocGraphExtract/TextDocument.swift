import DocGraphModel

/// A document's text as Unicode scalars (the unit of every offset in
/// provenance) with the metadata read from its header.
public struct TextDocument: Sendable {
    public let id: String
    public let scalars: [Unicode.Scalar]
    public let title: String?
    public let date: String?
    public let checksum: String

    /// Reads the header: the first non-empty line is the title, and a
    /// `【信息时间:…】` or `发布时间:` line gives the date.
    public init(id: String, text: String, checksum: String) {
        self.id = id
        self.checksum = checksum
        scalars = Array(text.unicodeScalars)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        title = lines.first { !$0.isEmpty }
        var date: String?
        for line in lines.prefix(8) {
            for marker in ["信息时间", "发布时间", "时间"] {
                guard let r = line.range(of: marker) else { continue }
                let rest = line[r.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " }
                let value = rest.prefix { $0.isNumber || $0 == "-" || $0 == "/" || $0 == "年" || $0 == "月" || $0 == "日" }
                if !value.isEmpty { date = String(value); break }
            }
            if date != nil { break }
        }
        self.date = date
    }

    public var document: Document { Document(id: id, title: title, date: date, checksum: checksum) }

    func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }
}
