import DocGraphExtract
import DocGraphModel
import DocGraphOCR
import DocGraphXML

/// The kinds of file DocGraph reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html, docx, pdf, image, doc

    /// The format by content first (a ZIP archive, `%PDF-`, an image's or a
    /// Word 97 file's signature, an HTML start tag), then by extension;
    /// plain text when neither tells.
    public static func detect(bytes: [UInt8], path: String) -> DocumentFormat {
        let ext = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }?.lowercased() ?? ""
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        // Some producers put a few bytes before the header; readers accept it within the first kilobyte.
        if Self.contains(Self.pdfSignature, in: bytes.prefix(1024)) { return .pdf }
        if ext == "pdf" { return .pdf }
        if isImage(bytes) || ["png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp", "webp"].contains(ext) { return .image }
        if bytes.starts(with: LegacyWordReader.signature) { return .doc }
        if ["html", "htm", "xhtml", "shtml"].contains(ext) || looksLikeHTML(bytes) { return .html }
        if ["md", "markdown"].contains(ext) { return .markdown }
        return .text
    }

    static let pdfSignature = Array("%PDF-".utf8)

    /// Whether `word` stands anywhere in `bytes`: a plain scan, as Foundation's generic
    /// `firstRange(of:)` costs more per document than reading its text.
    static func contains(_ word: [UInt8], in bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, bytes.count >= word.count else { return false }
        var i = bytes.startIndex
        while i + word.count <= bytes.endIndex {
            if bytes[i] == first && bytes[i..<(i + word.count)].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    /// PNG, JPEG, TIFF, GIF, BMP and WebP, by their signatures.
    static func isImage(_ b: [UInt8]) -> Bool {
        b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) || b.starts(with: [0xFF, 0xD8, 0xFF])
            || b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8))
            || (b.count > 26 && b.starts(with: Array("BM".utf8)) && b[14] >= 12 && b[15] == 0 && b[16] == 0 && b[17] == 0)
            || (b.count > 12 && b.starts(with: Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8))
    }

    /// Starts, after a byte-order mark, white space and comments, with `<!doctype html` or `<html`.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var head = bytes.prefix(1024)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        head = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        /// ASCII, case-insensitively, at `k`.
        func word(_ w: String, at k: Int) -> Bool {
            let w = Array(w.utf8)
            guard k + w.count <= head.endIndex else { return false }
            return (0..<w.count).allSatisfy { head[k + $0] | 0x20 == w[$0] | 0x20 }
        }
        let start = head.startIndex
        if word("<!doctype html", at: start) || word("<html", at: start) { return true }
        return word("<!--", at: start) && head.indices.contains { word("<html", at: $0) }
    }
}

/// Why one input could not be read; the run reports it and goes on.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): error: \(message)" }
}

/// Turns the bytes of one input into a ``TextDocument``: decodes plain text
/// and Markdown in whatever common encoding they use, takes the main text
/// and metadata out of HTML pages and Word documents, and reads PDFs and
/// scanned images page by page (text layers, else OCR).
public struct DocumentReader: Sendable {
    /// Decode plain text with this encoding instead of detecting one.
    public var forcedEncoding: TextEncoding?
    /// How PDFs and images are read: OCR, its languages, passwords, limits.
    public var paged: PagedReading
    /// Tesseract engines kept across documents and workers.
    public var ocrEngines: OCREnginePool
    /// Whether text is in traditional script (OCR then reads with the traditional model);
    /// the extractor's own test, given by the caller, so that both agree.
    public var isTraditional: @Sendable (String) -> Bool

    public init(forcedEncoding: TextEncoding? = nil, paged: PagedReading = PagedReading(), ocrEngines: OCREnginePool = OCREnginePool(),
                isTraditional: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.forcedEncoding = forcedEncoding
        self.paged = paged
        self.ocrEngines = ocrEngines
        self.isTraditional = isTraditional
    }

    /// Reads one document; `checksum` is the SHA-256 of `bytes` when the caller has it already.
    public func read(bytes: [UInt8], id: String, location: String, checksum: String? = nil) throws(IngestError) -> TextDocument {
        let checksum = checksum ?? IRIMinting.sha256Hex(bytes)
        let format = DocumentFormat.detect(bytes: bytes, path: location)
        switch format {
        case .text, .markdown:
            let decoded: (text: String, encoding: TextEncoding)
            do {
                decoded = try TextEncoding.decode(bytes, forced: forcedEncoding)
            } catch {
                // Text in no encoding with NUL bytes (UTF-16 would have decoded) is a binary file.
                if let nul = bytes.prefix(1 << 16).firstIndex(of: 0) {
                    throw IngestError(location, "binary data, not a document (a NUL byte at offset \(nul))")
                }
                throw IngestError(location, error.message)
            }
            if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                throw IngestError(location, bytes.isEmpty ? "empty file" : "no text in the file (only whitespace)")
            }
            let markdown = format == .markdown
            let text = markdown ? MarkdownText.plainText(decoded.text) : decoded.text
            let type = markdown ? "text/markdown" : "text/plain"
            return TextDocument(id: id, text: text, checksum: checksum, location: location,
                                format: "\(type); charset=\(decoded.encoding.rawValue)")
        case .html:
            let declared = HTMLCharset.declared(in: bytes)
            let encoding = forcedEncoding?.rawValue ?? (declared == nil ? TextEncoding.detect(bytes).rawValue : nil)
            let page: HTMLContent
            do {
                page = try HTMLReader.read(bytes: bytes, source: location, encoding: encoding)
            } catch {
                throw IngestError(location, error.message)
            }
            let date = ["pubdate", "publishdate", "article:published_time", "dc.date", "dcterms.created", "date", "firstpublishedtime"]
                .lazy.compactMap { page.meta[$0] }.first.map { String($0.prefix(10)) }
            let source = ["contentsource", "source", "dc.publisher", "og:site_name", "sitename"].lazy.compactMap { page.meta[$0] }.first
            return TextDocument(id: id, text: page.text, checksum: checksum, title: page.title, date: date, source: source,
                                location: location, format: "text/html")
        case .docx:
            let content: DOCXContent
            do {
                content = try DOCXReader.read(bytes: bytes, source: location)
            } catch {
                throw IngestError(location, error.message)
            }
            // The first paragraph is the title line the extractor reads the author from; a title
            // in the properties alone goes first.
            var text = content.text
            if let title = content.title, !text.hasPrefix(title) { text = title + "\n" + text }
            return TextDocument(id: id, text: text, checksum: checksum, title: content.title, date: content.date,
                                location: location, format: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        case .pdf:
            return try readPDF(bytes: bytes, id: id, location: location, checksum: checksum)
        case .image:
            return try readImage(bytes: bytes, id: id, location: location, checksum: checksum)
        case .doc:
            let content = try LegacyWordReader.read(bytes: bytes, source: location)
            var text = content.text
            if let title = content.title, !text.hasPrefix(title) { text = title + "\n" + text }
            return TextDocument(id: id, text: text, checksum: checksum, title: content.title, date: content.date, location: location,
                                format: "application/msword")
        }
    }
}

/// The character set an HTML page declares in its first bytes
/// (`<meta charset=…>` or `content="text/html; charset=…"`), if any.
enum HTMLCharset {
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        let value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }
}
