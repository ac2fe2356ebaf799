import DocGraphModel
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming XML writer over libxml2's `xmlTextWriter`.
///
/// Every string handed to it is first made safe for XML 1.0
/// (``XMLText/sanitized(_:)``), so no input can produce a malformed file;
/// escaping of `<`, `&`, `"` and `]]>` is libxml2's. The writer owns no
/// policy on where output goes: callers give it a path (usually a
/// temporary file they rename into place) or ask for memory.
public final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let buffer: xmlBufferPtr?
    /// The name used in error messages.
    public let destination: String
    /// How many characters were replaced because XML 1.0 cannot carry them.
    public private(set) var replacedCharacters = 0

    /// Writes to the file at `path`, creating or truncating it.
    public init(path: String, indent: Bool = true) throws(ParseError) {
        XMLSecurity.install()
        errno = 0
        guard let w = xmlNewTextWriterFilename(path, 0) else {
            throw ParseError(source: path, message: "cannot open file for writing" + XMLStreamWriter.reason())
        }
        writer = w
        buffer = nil
        destination = path
        configure(indent: indent)
    }

    /// Writes to memory; read the result with ``contents``.
    public init(indent: Bool = true) {
        XMLSecurity.install()
        let b = xmlBufferCreate()
        buffer = b
        writer = xmlNewTextWriterMemory(b, 0)
        destination = "<memory>"
        configure(indent: indent)
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
    }

    private func configure(indent: Bool) {
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    /// What was written so far, for a writer created in memory.
    public var contents: String {
        xmlTextWriterFlush(writer)
        guard let buffer, let p = xmlBufferContent(buffer) else { return "" }
        return String(cString: p)
    }

    private func check(_ rc: Int32) throws(ParseError) {
        if rc < 0 { throw ParseError(source: destination, message: "write failed" + Self.reason()) }
    }

    /// The operating system's reason for the last failure (libxml2 reports only that one happened).
    private static func reason() -> String {
        errno == 0 ? "" : ": " + String(cString: strerror(errno))
    }

    private func safe(_ s: String) -> String {
        guard XMLText.needsSanitizing(s) else { return s }
        replacedCharacters += s.unicodeScalars.count { !XMLText.isAllowed($0.value) }
        return XMLText.sanitized(s)
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    public func startDocument() throws(ParseError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    /// Opens an element named by its qualified name (`rdf:Description`).
    public func startElement(_ qualifiedName: String) throws(ParseError) {
        try check(xmlTextWriterStartElement(writer, qualifiedName))
    }

    /// Writes an attribute on the element just opened.
    public func attribute(_ qualifiedName: String, _ value: String) throws(ParseError) {
        try check(xmlTextWriterWriteAttribute(writer, qualifiedName, safe(value)))
    }

    /// Declares a namespace on the element just opened (`nil` prefix: the default namespace).
    public func namespace(_ prefix: String?, _ iri: String) throws(ParseError) {
        try check(xmlTextWriterWriteAttribute(writer, prefix.map { "xmlns:" + $0 } ?? "xmlns", safe(iri)))
    }

    /// Writes character data, escaped.
    public func text(_ s: String) throws(ParseError) {
        try check(xmlTextWriterWriteString(writer, safe(s)))
    }

    /// Writes markup as it is. The caller vouches that it is well-formed
    /// XML content (used for `rdf:XMLLiteral`, already canonical).
    public func raw(_ s: String) throws(ParseError) {
        try check(xmlTextWriterWriteRaw(writer, safe(s)))
    }

    /// Writes a comment.
    public func comment(_ s: String) throws(ParseError) {
        try check(xmlTextWriterWriteComment(writer, safe(s).replacing("--", with: "- -")))
    }

    /// Closes the innermost open element (`<a/>` when it has no content).
    public func endElement() throws(ParseError) {
        try check(xmlTextWriterEndElement(writer))
    }

    /// Closes every open element and flushes to the destination.
    public func endDocument() throws(ParseError) {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
    }
}
