internal import CPoppler

/// What a PDF says about itself: the document information dictionary
/// (title, author, subject, keywords, creation date) and the XMP packet,
/// which newer producers fill instead.
public struct PDFMetadata: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    /// The creation date, as `YYYY-MM-DD` in the time zone the file gives.
    public var creationDate: String?
    /// The XMP metadata packet (RDF/XML), unparsed: the reader that needs it parses it.
    public var xmp: String?

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                creationDate: String? = nil, xmp: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
        self.xmp = xmp
    }

    init(document: OpaquePointer) {
        /// A string Poppler allocated, taken and freed; blank is nil.
        func take(_ raw: UnsafeMutablePointer<gchar>?) -> String? {
            guard let raw else { return nil }
            defer { g_free(raw) }
            let s = String(cString: raw).trimmingCharacters(in: " \t\r\n\u{0}")
            return s.isEmpty ? nil : s
        }
        title = take(poppler_document_get_title(document))
        author = take(poppler_document_get_author(document))
        subject = take(poppler_document_get_subject(document))
        keywords = take(poppler_document_get_keywords(document))
        xmp = take(poppler_document_get_metadata(document))
        if let date = poppler_document_get_creation_date_time(document) {
            defer { g_date_time_unref(date) }
            let y = g_date_time_get_year(date), m = g_date_time_get_month(date), d = g_date_time_get_day_of_month(date)
            creationDate = y > 0 ? "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" : nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }),
              let last = scalars.lastIndex(where: { !drop.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
