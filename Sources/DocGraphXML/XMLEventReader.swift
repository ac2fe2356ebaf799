import DocGraphModel
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2

/// A pull reader over libxml2's SAX2 push parser: the document is fed in
/// chunks, the events of each chunk are queued and handed out one at a
/// time, so a file of any size streams through in constant memory.
///
/// SAX2 rather than `xmlTextReader`: the text reader builds and frees a
/// tree node for every element, which made it half again slower on large
/// RDF/XML. The security options (``XMLSecurity``) are the same either way.
///
/// Errors carry libxml2's line and column. Names that libxml2 interns are
/// turned into Swift strings once per reader, which keeps the per-element
/// cost low on large files.
public final class XMLEventReader {
    /// The deepest nesting of elements accepted (libxml2's own default
    /// limit, which its push parser does not apply itself).
    public static let maximumDepth = 256
    /// The longest run of character data accepted, in bytes (libxml2's
    /// limit for a text node; SAX callbacks bypass libxml2's own check).
    public static let maximumTextLength = 10_000_000

    /// The name used in error messages.
    public let source: String
    private var context: xmlParserCtxtPtr?
    private let input: Input
    /// The events of the chunk being parsed, in document order, and their lines.
    @exclusivity(unchecked) private var events: [XMLEvent] = []
    @exclusivity(unchecked) private var eventLines: [Int] = []
    /// The events of the last chunk not yet handed out, last first.
    @exclusivity(unchecked) private var ready: [XMLEvent] = []
    @exclusivity(unchecked) private var readyLines: [Int] = []
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var textLine = 0
    @exclusivity(unchecked) private var depth = 0
    private var finished = false
    private var failure: ParseError?
    private var lastLine = 1
    @exclusivity(unchecked) private var names: [UnsafeRawPointer: String] = [:]
    @exclusivity(unchecked) private var recentNames = [(pointer: UnsafeRawPointer?, name: String)](repeating: (nil, ""), count: 64)

    /// Where the bytes come from.
    private enum Input {
        case file(Int32)
        case memory(UnsafeMutableBufferPointer<UInt8>, offset: Int)
    }
    private var memoryOffset = 0
    private static let chunkSize = 256 * 1024

    /// Opens `path` for reading; throws when the file cannot be opened.
    public init(path: String) throws(ParseError) {
        XMLSecurity.install()
        source = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ParseError(source: path, message: errno == ENOENT ? "no such file" : "cannot read file")
        }
        input = .file(fd)
        try start()
    }

    /// Reads XML from bytes in memory; `source` names it in errors and
    /// serves as its base URI.
    public init(bytes: some Collection<UInt8>, source: String) throws(ParseError) {
        XMLSecurity.install()
        self.source = source
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        input = .memory(UnsafeMutableBufferPointer(rebasing: buffer[0..<bytes.count]), offset: 0)
        try start()
    }

    deinit {
        if let context {
            if let doc = context.pointee.myDoc { xmlFreeDoc(doc) }
            xmlFreeParserCtxt(context)
        }
        switch input {
        case .file(let fd): close(fd)
        case .memory(let buffer, _): buffer.deallocate()
        }
    }

    /// Creates the push parser with DocGraph's SAX callbacks; the defaults
    /// stay for the document prolog, so internal entities declared in a
    /// DOCTYPE are known and expanded.
    private func start() throws(ParseError) {
        var sax = xmlSAXHandler()
        xmlSAXVersion(&sax, 2)
        sax.startElementNs = { user, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            XMLEventReader.from(user).startElement(localName, prefix, uri, Int(namespaceCount), namespaces,
                                                   Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, _, _, _ in
            let r = XMLEventReader.from(user)
            r.depth -= 1
            r.flushText()
            r.append(.endElement, line: r.parserLine)
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            let r = XMLEventReader.from(user)
            if r.text.count + Int(count) > XMLEventReader.maximumTextLength {
                r.stop("text longer than \(XMLEventReader.maximumTextLength) bytes (the limit for one text node)")
                return
            }
            if r.text.isEmpty { r.textLine = r.parserLine }
            r.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        sax.comment = { user, value in
            let r = XMLEventReader.from(user)
            r.flushText()
            r.append(.comment(r.string(value)), line: r.parserLine)
        }
        sax.processingInstruction = { user, target, data in
            let r = XMLEventReader.from(user)
            r.flushText()
            r.append(.processingInstruction(target: r.string(target), data: r.string(data)), line: r.parserLine)
        }
        sax.serror = { user, error in
            guard let user, let error else { return }
            XMLEventReader.from(user).record(error.pointee)
        }
        // The callbacks' user data stays the parser context (libxml2's own
        // SAX2 handlers, kept for the prolog, expect it); the reader rides
        // in the context's `_private` field.
        guard let ctxt = xmlCreatePushParserCtxt(&sax, nil, nil, 0, source) else {
            throw ParseError(source: source, message: "cannot create XML parser")
        }
        ctxt.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(ctxt, XMLSecurity.parseOptions)
        context = ctxt
    }

    private static func from(_ user: UnsafeMutableRawPointer?) -> XMLEventReader {
        let ctxt = user!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<XMLEventReader>.fromOpaque(ctxt.pointee._private!).takeUnretainedValue()
    }

    /// The line of the last event handed out, for errors found by the consumer.
    public var currentLine: Int { lastLine }

    private var parserLine: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? lastLine }

    /// The next event, or nil at the end of the document.
    public func next() throws(ParseError) -> XMLEvent? {
        while ready.isEmpty {
            if let failure { throw failure }
            if finished { return nil }
            try feed()
            // Handed out from the end, so each event is moved out rather than copied (a copy
            // retains every string in it, and clearing the queue releases them again).
            events.reverse()
            eventLines.reverse()
            swap(&events, &ready)
            swap(&eventLines, &readyLines)
        }
        lastLine = readyLines.removeLast()
        return ready.removeLast()
    }

    /// Parses the next chunk of input, queueing its events.
    private func feed() throws(ParseError) {
        guard let context else { finished = true; return }
        var status: Int32
        switch input {
        case .file(let fd):
            var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.chunkSize) }
            if n < 0 { throw ParseError(source: source, line: lastLine, column: 0, message: "cannot read file") }
            status = chunk.withUnsafeBytes {
                xmlParseChunk(context, $0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(n), n == 0 ? 1 : 0)
            }
            if n == 0 { finished = true }
        case .memory(let buffer, _):
            let n = min(Self.chunkSize, buffer.count - memoryOffset)
            let last = memoryOffset + n == buffer.count
            status = xmlParseChunk(context, UnsafeRawPointer(buffer.baseAddress!.advanced(by: memoryOffset))
                .assumingMemoryBound(to: CChar.self), Int32(n), last ? 1 : 0)
            memoryOffset += n
            if last { finished = true }
        }
        if finished { flushText() }
        if status != 0 && failure == nil {
            failure = ParseError(source: source, line: parserLine, column: 0, message: "malformed XML")
        }
        if failure != nil { finished = true }
    }

    private func append(_ event: XMLEvent, line: Int) {
        guard failure == nil else { return }   // nothing after the point of failure
        events.append(event)
        eventLines.append(line)
    }

    /// Character data arrives in pieces; consumers see one text event per run.
    private func flushText() {
        guard !text.isEmpty else { return }
        append(.text(String(decoding: text, as: UTF8.self)), line: textLine)
        text.removeAll(keepingCapacity: true)
    }

    private func startElement(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                              _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int,
                              _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        depth += 1
        if depth > Self.maximumDepth {
            stop("elements nested deeper than \(Self.maximumDepth) levels (the limit)")
            return
        }
        let line = parserLine
        let column = context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0
        var element = XMLStartElement(
            namespace: interned(uri), localName: interned(localName), prefix: internedOrNil(prefix),
            attributes: [], namespaceDeclarations: [], line: line, column: column)
        if let namespaces, namespaceCount > 0 {
            for i in 0..<namespaceCount {
                element.namespaceDeclarations.append(XMLNamespaceDeclaration(
                    prefix: internedOrNil(namespaces[2 * i]), namespace: string(namespaces[2 * i + 1])))
            }
        }
        if let attributes, attributeCount > 0 {
            element.attributes.reserveCapacity(attributeCount)
            for i in 0..<attributeCount {
                // localname, prefix, URI, value start, value end
                let a = attributes + 5 * i
                var value = ""
                if let start = a[3], let end = a[4] {
                    value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                }
                element.attributes.append(XMLAttribute(
                    namespace: interned(a[2]), localName: interned(a[0]), prefix: internedOrNil(a[1]), value: value))
            }
        }
        append(.startElement(element), line: line)
    }

    /// Fails at a limit DocGraph sets: the error names it, and libxml2 stops parsing.
    private func stop(_ message: String) {
        guard failure == nil else { return }
        let column = context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0
        failure = ParseError(source: source, line: parserLine, column: column, message: message)
        if let context { xmlStopParser(context) }
    }

    /// Keeps the first error (warnings are not errors); the parser stops at it.
    private func record(_ e: xmlError) {
        guard failure == nil, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = e.message.map { String(cString: $0) } ?? "malformed XML"
        while message.last == "\n" { message.removeLast() }
        if let c = message.first, c.isUppercase, message.dropFirst().first?.isLowercase == true {
            message = c.lowercased() + message.dropFirst()
        }
        failure = ParseError(source: source, line: Int(e.line), column: Int(e.int2), message: message)
    }

    private func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Names, prefixes and namespace IRIs come from the parser's dictionary,
    /// so their pointers are stable for the parser's life.
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

    private func internedOrNil(_ p: UnsafePointer<xmlChar>?) -> String? {
        p == nil ? nil : interned(p)
    }
}
