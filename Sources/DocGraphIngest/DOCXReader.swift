import DocGraphModel
import DocGraphXML
import Foundation

/// What a Word document says, as read by ``DOCXReader``.
public struct DOCXContent: Sendable, Equatable {
    /// `dc:title` from `docProps/core.xml`.
    public var title: String?
    /// The creation date (`dcterms:created`, else `dcterms:modified`), as `YYYY-MM-DD`.
    public var date: String?
    /// One paragraph per line: body paragraphs, headings and table cells in document order.
    public var text: String
}

/// Reads `.docx` files: the archive with ``ZIPArchive``, its parts with
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
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    public static func read(bytes: [UInt8], source: String) throws(Failure) -> DOCXContent {
        let archive: ZIPArchive
        do {
            archive = try ZIPArchive(bytes, maximumEntries: maximumEntries)
        } catch {
            throw Failure(message: error.message == "not a ZIP archive" ? "not a Word document (not a ZIP archive)" : error.message)
        }
        guard let body = archive.entry("word/document.xml") else {
            throw Failure(message: "not a Word document (word/document.xml is missing)")
        }
        let text = try paragraphs(try part(body, of: archive), source: source + ":word/document.xml")
        var title: String?
        var date: String?
        if let core = archive.entry("docProps/core.xml") {
            (title, date) = try properties(try part(core, of: archive), source: source + ":docProps/core.xml")
        }
        return DOCXContent(title: title, date: date, text: text)
    }

    /// The inflated bytes of one part, refused past ``maximumPartSize``.
    static func part(_ entry: ZIPArchive.Entry, of archive: ZIPArchive) throws(Failure) -> [UInt8] {
        do {
            return try archive.contents(of: entry, limit: maximumPartSize)
        } catch {
            throw Failure(message: error.message)
        }
    }

    /// The text of `word/document.xml`: `w:t` runs, tabs and breaks, one
    /// line per paragraph. Deleted text and field codes are left out, and
    /// so is `mc:Fallback`: Word writes a text box twice, as a drawing
    /// (`mc:Choice`) and again as VML for older readers, and its text once.
    static func paragraphs(_ xml: [UInt8], source: String) throws(Failure) -> String {
        var lines: [String] = []
        var line = ""
        var inText = 0
        var stack: [String] = []
        var inFallback = 0
        do {
            let reader = try XMLEventReader(bytes: xml, source: source)
            while let event = try reader.next() {
                switch event {
                case .startElement(let e):
                    let fallback = e.namespace == markupCompatibility && e.localName == "Fallback"
                    let name = fallback ? "mc:Fallback" : e.namespace == word ? e.localName : ""
                    stack.append(name)
                    if fallback { inFallback += 1 }
                    if inFallback > 0 { continue }
                    switch name {
                    case "t": inText += 1
                    case "tab": line += "\t"
                    case "br", "cr": lines.append(line); line = ""
                    default: break
                    }
                case .endElement:
                    let name = stack.popLast() ?? ""
                    if name == "mc:Fallback" { inFallback -= 1; continue }
                    if inFallback > 0 { continue }
                    if name == "t" { inText -= 1 }
                    if name == "p" { lines.append(line); line = "" }
                case .text(let t):
                    if inText > 0 && inFallback == 0 { line += t }
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
