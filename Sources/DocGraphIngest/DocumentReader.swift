import DocGraphExtract
import DocGraphModel
import DocGraphXML

/// The kinds of file DocGraph reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html, docx

    /// The format by content first (a ZIP archive, an HTML start tag), then
    /// by extension; plain text when neither tells.
    public static func detect(bytes: [UInt8], path: String) -> DocumentFormat {
        let ext = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }?.lowercased() ?? ""
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if ["html", "htm", "xhtml", "shtml"].contains(ext) || looksLikeHTML(bytes) { return .html }
        if ["md", "markdown"].contains(ext) { return .markdown }
        return .text
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
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): error: \(message)" }
}

/// Turns the bytes of one input into a ``TextDocument``: decodes plain text
/// and Markdown in whatever common encoding they use, and takes the main
/// text and metadata out of HTML pages and Word documents.
public struct DocumentReader: Sendable {
    /// Decode plain text with this encoding instead of detecting one.
    public var forcedEncoding: TextEncoding?

    public init(forcedEncoding: TextEncoding? = nil) {
        self.forcedEncoding = forcedEncoding
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
