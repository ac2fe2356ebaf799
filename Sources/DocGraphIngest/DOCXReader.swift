import DocGraphModel
import DocGraphXML
import Foundation
import ZIPFoundation

/// What a Word document says, as read by ``DOCXReader``.
public struct DOCXContent: Sendable, Equatable {
    /// `dc:title` from `docProps/core.xml`.
    public var title: String?
    /// The creation date (`dcterms:created`, else `dcterms:modified`), as `YYYY-MM-DD`.
    public var date: String?
    /// One paragraph per line: body paragraphs, headings and table cells in document order.
    public var text: String
}

/// Reads `.docx` files: the archive with ZIPFoundation, its parts with
/// DocGraph's libxml2 reader (so the XML safeguards of ``XMLEventReader``
/// apply). Archives are bounded: a part that inflates beyond
/// ``maximumPartSize`` or an archive of more than ``maximumEntries``
/// entries is refused before it can exhaust memory.
public enum DOCXReader {
    public static let maximumPartSize = 64 << 20
    public static let maximumEntries = 10_000
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    public static func read(bytes: [UInt8], source: String) throws(Failure) -> DOCXContent {
        let archive = try openArchive(bytes)
        var count = 0
        for _ in archive {
            count += 1
            if count > maximumEntries { throw Failure(message: "more than \(maximumEntries) entries in the archive") }
        }
        guard let body = archive["word/document.xml"] else {
            throw Failure(message: "not a Word document (word/document.xml is missing)")
        }
        let text = try paragraphs(try part(body, of: archive, source: source), source: source + ":word/document.xml")
        var title: String?
        var date: String?
        if let core = archive["docProps/core.xml"] {
            (title, date) = try properties(try part(core, of: archive, source: source), source: source + ":docProps/core.xml")
        }
        return DOCXContent(title: title, date: date, text: text)
    }

    /// The archive, read through a private temporary file that is unlinked
    /// as soon as it is open. Not ZIPFoundation's in-memory archive: a
    /// hostile offset past the end makes it seek beyond its data and trap
    /// on a negative read length, where a file read simply returns nothing
    /// and the archive is reported as corrupt.
    static func openArchive(_ bytes: [UInt8]) throws(Failure) -> Archive {
        var template = Array((NSTemporaryDirectory() + "/docgraph-docx-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(message: "cannot create a temporary file to read the archive") }
        let path = String(cString: template)
        defer { unlink(path) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n <= 0 { close(fd); throw Failure(message: "cannot write a temporary file to read the archive") }
            written += n
        }
        close(fd)
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure(message: "not a Word document (not a ZIP archive)")
        }
    }

    /// The inflated bytes of one part, refused past ``maximumPartSize``.
    static func part(_ entry: Entry, of archive: Archive, source: String) throws(Failure) -> [UInt8] {
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw Failure(message: "\(entry.path) inflates to \(entry.uncompressedSize) bytes, more than the limit of \(maximumPartSize)")
        }
        var out: [UInt8] = []
        do {
            // The declared size can lie: count what actually comes out.
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= maximumPartSize else { throw Failure(message: "\(entry.path) inflates beyond the limit of \(maximumPartSize) bytes") }
                out.append(contentsOf: chunk)
            }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(message: "\(entry.path) is corrupt (\(error))")
        }
        return out
    }

    /// The text of `word/document.xml`: `w:t` runs, tabs and breaks, one
    /// line per paragraph. Deleted text and field codes are left out.
    static func paragraphs(_ xml: [UInt8], source: String) throws(Failure) -> String {
        var lines: [String] = []
        var line = ""
        var inText = 0
        var stack: [String] = []
        do {
            let reader = try XMLEventReader(bytes: xml, source: source)
            while let event = try reader.next() {
                switch event {
                case .startElement(let e):
                    let name = e.namespace == word ? e.localName : ""
                    stack.append(name)
                    switch name {
                    case "t": inText += 1
                    case "tab": line += "\t"
                    case "br", "cr": lines.append(line); line = ""
                    default: break
                    }
                case .endElement:
                    let name = stack.popLast() ?? ""
                    if name == "t" { inText -= 1 }
                    if name == "p" { lines.append(line); line = "" }
                case .text(let t):
                    if inText > 0 { line += t }
                default:
                    break
                }
            }
        } catch {
            throw Failure(message: error.description)
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Title and date from `docProps/core.xml`.
    static func properties(_ xml: [UInt8], source: String) throws(Failure) -> (String?, String?) {
        var values: [String: String] = [:]
        var current: String?
        do {
            let reader = try XMLEventReader(bytes: xml, source: source)
            while let event = try reader.next() {
                switch event {
                case .startElement(let e):
                    current = e.namespace == dc || e.namespace == dcterms ? e.localName : nil
                case .text(let t):
                    if let c = current { values[c, default: ""] += t }
                case .endElement:
                    current = nil
                default:
                    break
                }
            }
        } catch {
            throw Failure(message: error.description)
        }
        let title = values["title"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let date = (values["created"] ?? values["modified"]).map { String($0.trimmingCharacters(in: .whitespaces).prefix(10)) }
        return (title, date.flatMap { $0.isEmpty ? nil : $0 })
    }
}
