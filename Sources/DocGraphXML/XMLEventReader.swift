import DocGraphModel
import FoundationEssentials
internal import CLibXML2

/// A pull reader over libxml2's `xmlTextReader`: the document streams
/// through in constant memory, one ``XMLEvent`` at a time.
///
/// Errors carry libxml2's line and column. Names that libxml2 interns are
/// turned into Swift strings once per reader, which keeps the per-element
/// cost low on large files.
public final class XMLEventReader {
    /// The name used in error messages.
    public let source: String
    private let reader: xmlTextReaderPtr
    private let errors: ErrorBox
    private var memory: UnsafeMutableBufferPointer<UInt8>?
    private var pendingEnd = false
    private var names: [UnsafeRawPointer: String] = [:]
    private var recentNames = [(pointer: UnsafeRawPointer?, name: String)](repeating: (nil, ""), count: 64)

    /// Opens `path` for reading; throws when the file cannot be opened.
    public init(path: String) throws(ParseError) {
        XMLSecurity.install()
        source = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ParseError(source: path, message: FileManager.default.fileExists(atPath: path)
                ? "cannot read file" : "no such file")
        }
        guard let r = xmlReaderForFile(path, nil, XMLSecurity.parseOptions) else {
            throw ParseError(source: path, message: "cannot open file")
        }
        reader = r
        errors = ErrorBox(source: path)
        attachErrorHandler()
    }

    /// Reads XML from bytes in memory; `source` names it in errors and
    /// serves as its base URI.
    public init(bytes: some Collection<UInt8>, source: String) throws(ParseError) {
        XMLSecurity.install()
        self.source = source
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        memory = buffer
        guard let base = buffer.baseAddress,
              let r = xmlReaderForMemory(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                         source, nil, XMLSecurity.parseOptions) else {
            buffer.deallocate()
            throw ParseError(source: source, message: "cannot create XML reader")
        }
        reader = r
        errors = ErrorBox(source: source)
        attachErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    private func attachErrorHandler() {
        let box = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { arg, err in
            guard let arg, let err else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(arg).takeUnretainedValue()
            box.record(err.pointee)
        }, box)
    }

    /// The line libxml2 has reached, for errors found by the consumer.
    public var currentLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The next event, or nil at the end of the document.
    public func next() throws(ParseError) -> XMLEvent? {
        if pendingEnd {
            pendingEnd = false
            return .endElement
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if let e = errors.first { throw e }
            if status == 0 { return nil }
            if status < 0 {
                throw ParseError(source: source, line: currentLine, column: 0, message: "malformed XML")
            }
            switch xmlTextReaderNodeType(reader) {
            case 1:
                let start = startElement()
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = true }
                if let e = errors.first { throw e }
                return .startElement(start)
            case 15:
                return .endElement
            case 3, 4, 13, 14:
                return .text(string(xmlTextReaderConstValue(reader)))
            case 8:
                return .comment(string(xmlTextReaderConstValue(reader)))
            case 7:
                return .processingInstruction(target: interned(xmlTextReaderConstLocalName(reader)),
                                              data: string(xmlTextReaderConstValue(reader)))
            default:
                continue
            }
        }
    }

    private func startElement() -> XMLStartElement {
        let node = xmlTextReaderCurrentNode(reader)
        let line = node.map { Int(xmlGetLineNo($0)) } ?? currentLine
        let parserLine = currentLine
        let column = parserLine == line ? Int(xmlTextReaderGetParserColumnNumber(reader)) : 1
        var element = XMLStartElement(
            namespace: internedOrEmpty(xmlTextReaderConstNamespaceUri(reader)),
            localName: interned(xmlTextReaderConstLocalName(reader)),
            prefix: internedOrNil(xmlTextReaderConstPrefix(reader)),
            attributes: [], namespaceDeclarations: [], line: line, column: column)
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 {
                    let prefix = internedOrNil(xmlTextReaderConstPrefix(reader))
                    let name = interned(xmlTextReaderConstLocalName(reader))
                    element.namespaceDeclarations.append(XMLNamespaceDeclaration(
                        prefix: prefix == nil ? nil : name, namespace: string(xmlTextReaderConstValue(reader))))
                } else {
                    element.attributes.append(XMLAttribute(
                        namespace: internedOrEmpty(xmlTextReaderConstNamespaceUri(reader)),
                        localName: interned(xmlTextReaderConstLocalName(reader)),
                        prefix: internedOrNil(xmlTextReaderConstPrefix(reader)),
                        value: string(xmlTextReaderConstValue(reader))))
                }
            }
            xmlTextReaderMoveToElement(reader)
        }
        return element
    }

    private func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Names, prefixes and namespace IRIs come from the reader's dictionary,
    /// so their pointers are stable for the reader's life.
    private func interned(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        let key = UnsafeRawPointer(p)
        // A direct-mapped cache in front of the dictionary: a few names make
        // up nearly every element, and this spares hashing their pointers.
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 4) & (recentNames.count - 1)
        if recentNames[slot].pointer == key { return recentNames[slot].name }
        let s: String
        if let known = names[key] {
            s = known
        } else {
            s = String(cString: p)
            names[key] = s
        }
        recentNames[slot] = (key, s)
        return s
    }

    private func internedOrEmpty(_ p: UnsafePointer<xmlChar>?) -> String { interned(p) }

    private func internedOrNil(_ p: UnsafePointer<xmlChar>?) -> String? {
        p == nil ? nil : interned(p)
    }
}

/// Collects the first error libxml2 reports through the structured handler.
private final class ErrorBox {
    let source: String
    var first: ParseError?

    init(source: String) { self.source = source }

    func record(_ e: xmlError) {
        guard first == nil, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = e.message.map { String(cString: $0) } ?? "malformed XML"
        while message.last == "\n" { message.removeLast() }
        if let c = message.first, c.isUppercase, message.dropFirst().first?.isLowercase == true {
            message = c.lowercased() + message.dropFirst()
        }
        first = ParseError(source: source, line: Int(e.line), column: Int(e.int2), message: message)
    }
}
