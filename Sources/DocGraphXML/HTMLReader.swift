import DocGraphModel
import FoundationEssentials
internal import CLibXML2

/// What a web page says, as read by ``HTMLReader``.
public struct HTMLContent: Sendable, Equatable {
    /// The page's title: `ArticleTitle` or `og:title` meta tags, else the
    /// first `<h1>`, else `<title>`.
    public var title: String?
    /// `<meta name=… content=…>` values by lowercased name (the first of each).
    public var meta: [String: String]
    /// The main text, one block (paragraph, heading, list item, table row)
    /// per line, with the title as its first line.
    public var text: String
}

/// Reads HTML pages with libxml2's HTML parser, keeping the main text and
/// leaving out what is not the document: scripts, styles, navigation,
/// headers, footers, forms, and blocks whose id or class names them.
///
/// Options: `HTML_PARSE_NONET` (nothing fetched), `HTML_PARSE_NOERROR` and
/// `HTML_PARSE_NOWARNING` (pages saved from the web are rarely valid, and
/// the parser recovers), no `HTML_PARSE_HUGE` (libxml2's limits on depth
/// and text size stay). The HTML parser loads no DTD and no external entity.
public enum HTMLReader {
    static let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)

    /// Elements whose content is never document text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
        "button", "template", "svg", "canvas", "object", "embed", "head", "menu",
    ]
    /// Words in an id or class that mark navigation and page furniture.
    static let furniture = ["nav", "menu", "footer", "header", "breadcrumb", "crumb", "sidebar", "copyright",
                            "share", "toolbar", "banner", "login", "search", "topbar", "bottom"]
    /// Elements that end a line of text.
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
        "main", "blockquote", "pre", "dd", "dt", "ul", "ol", "hr", "center", "address", "figcaption", "caption",
    ]

    /// Parses `bytes` as HTML. `encoding` (an IANA name) overrides what
    /// the page declares; without either, libxml2 detects UTF-8/UTF-16 or
    /// falls back to Latin-1, so callers pass what they detected.
    public static func read(bytes: [UInt8], source: String, encoding: String? = nil) throws(ParseError) -> HTMLContent {
        XMLSecurity.install()
        guard !bytes.isEmpty else { return HTMLContent(title: nil, meta: [:], text: "") }
        guard bytes.count <= Int(Int32.max) else { throw ParseError(source: source, message: "HTML page larger than 2 GB") }
        // HTML errors are noise the parser recovers from, except nesting past libxml2's limit
        // of 256: that halts it part-way, and the rest of the page would be lost without a
        // word. The parser halts at it, so it is the context's last error.
        guard let ctxt = htmlNewParserCtxt() else { throw ParseError(source: source, message: "cannot create HTML parser") }
        defer { htmlFreeParserCtxt(ctxt) }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
                htmlCtxtReadMemory(ctxt, p, Int32(b.count), source, encoding, options)
            }
        }
        guard let doc = parsed else { throw ParseError(source: source, message: "cannot parse HTML") }
        defer { xmlFreeDoc(doc) }
        let last = ctxt.pointee.lastError
        if last.level == XML_ERR_FATAL, let m = last.message, String(cString: m).hasPrefix("Excessive depth in document") {
            throw ParseError(source: source, line: Int(last.line), column: 0,
                             message: "elements nested deeper than 256 levels (libxml2's limit for HTML)")
        }
        guard let root = xmlDocGetRootElement(doc) else { return HTMLContent(title: nil, meta: [:], text: "") }

        var meta: [String: String] = [:]
        var pageTitle: String?
        var firstH1: String?
        var mainElement: xmlNodePtr?
        var body: xmlNodePtr?
        walkElements(root) { node in
            let name = elementName(node)
            switch name {
            case "meta":
                if let key = (attribute(node, "name") ?? attribute(node, "property"))?.lowercased(),
                   let content = attribute(node, "content"), meta[key] == nil {
                    meta[key] = collapse(content)
                }
            case "title": if pageTitle == nil { pageTitle = collapse(textContent(node)) }
            case "h1": if firstH1 == nil { firstH1 = collapse(textContent(node)) }
            case "main", "article": if mainElement == nil { mainElement = node }
            case "body": if body == nil { body = node }
            default: break
            }
            return true
        }
        let title = [meta["articletitle"], meta["og:title"], firstH1, pageTitle]
            .compactMap { $0 }.first { !$0.isEmpty }
        var lines = mainText(of: mainElement ?? body ?? root)
        if let title, lines.first != title { lines.insert(title, at: 0) }
        return HTMLContent(title: title, meta: meta, text: lines.joined(separator: "\n"))
    }

    /// The lines of text under `top`, skipping page furniture.
    static func mainText(of top: xmlNodePtr) -> [String] {
        var lines: [String] = []
        var current = ""
        func endLine() {
            let line = collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        walk(top, enter: { node in
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = node.pointee.content { current += String(cString: c) }
                return false
            case XML_ELEMENT_NODE:
                let name = elementName(node)
                if skipped.contains(name) || isFurniture(node) { return false }
                if blocks.contains(name) { endLine() }
                // Cells of a row stay on one line, apart: an ideographic space survives collapsing.
                if (name == "td" || name == "th") && !current.isEmpty { current += "\u{3000}" }
                return true
            default:
                return false
            }
        }, leave: { node in
            if node.pointee.type == XML_ELEMENT_NODE, blocks.contains(elementName(node)) { endLine() }
        })
        endLine()
        return lines
    }

    static func isFurniture(_ node: xmlNodePtr) -> Bool {
        let marks = ((attribute(node, "id") ?? "") + " " + (attribute(node, "class") ?? "")).lowercased()
        guard marks.count > 1 else { return false }
        let words = marks.split { !($0.isLetter || $0.isNumber) }
        return words.contains { word in furniture.contains { word == $0 || word.hasPrefix($0) || word.hasSuffix($0) } }
    }

    /// Depth-first over the tree without recursion (page nesting has no
    /// bound we could trust the stack with). `enter` says whether to descend.
    static func walk(_ top: xmlNodePtr, enter: (xmlNodePtr) -> Bool, leave: (xmlNodePtr) -> Void = { _ in }) {
        var node: xmlNodePtr? = top
        while let n = node {
            if enter(n), let child = n.pointee.children {
                node = child
                continue
            }
            leave(n)
            // Up until a next sibling is found, leaving each element on the way.
            var up: xmlNodePtr? = n
            node = nil
            while let u = up, u != top {
                if let next = u.pointee.next { node = next; break }
                up = u.pointee.parent
                if let p = up { leave(p) }
            }
        }
    }

    static func walkElements(_ top: xmlNodePtr, visit: (xmlNodePtr) -> Bool) {
        walk(top, enter: { n in n.pointee.type == XML_ELEMENT_NODE && visit(n) })
    }

    static func elementName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// An attribute's value, read from the tree without copying it through libxml2's allocator.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let attr = xmlHasProp(node, name) else { return nil }
        var value = ""
        var child = attr.pointee.children
        while let c = child {
            if let content = c.pointee.content { value += String(cString: content) }
            child = c.pointee.next
        }
        return value
    }

    /// All text below `node`.
    static func textContent(_ node: xmlNodePtr) -> String {
        var text = ""
        walk(node, enter: { n in
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let c = n.pointee.content {
                text += String(cString: c)
            }
            return n.pointee.type == XML_ELEMENT_NODE
        })
        return text
    }

    /// Runs of ASCII whitespace become one space, or nothing between two
    /// Chinese characters or marks (a line break in the HTML source inside
    /// 人大常委会 is not a word break); the result is trimmed. Ideographic
    /// spaces stay.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func isHan(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x3001...0x303F, 0x3400...0x9FFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF: return true
            default: return false
            }
        }
        for u in s.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}" || u == "\u{A0}" {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !(isHan(last) && isHan(u)) { out.append(" ") }
            pendingSpace = false
            out.append(u)
        }
        return String(out)
    }
}

