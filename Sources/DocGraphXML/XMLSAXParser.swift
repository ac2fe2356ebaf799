import DocGraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2

/// What a ``XMLSAXParser`` calls as it reads: start tags, end tags and
/// character data, as bytes that live only for the call.
///
/// A handler that throws stops the parse; the error is rethrown by
/// ``XMLSAXParser/parse()``.
public protocol XMLSAXHandler: AnyObject {
    func startElement(_ element: borrowing XMLRawElement) throws(ParseError)
    func endElement() throws(ParseError)
    /// A piece of character data (text, CDATA or whitespace); one run of
    /// text may come in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError)
    func comment(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError)
    func processingInstruction(target: String, data: String) throws(ParseError)
}

extension XMLSAXHandler {
    public func comment(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) {}
    public func processingInstruction(target: String, data: String) throws(ParseError) {}
}

/// A name from the parser's dictionary (element and attribute names,
/// prefixes, namespace IRIs): two names are equal exactly when their
/// pointers are, so comparing one costs a pointer comparison. Get the name
/// to compare against from ``XMLSAXParser/name(_:)``.
public struct XMLName: Equatable, Hashable, @unchecked Sendable {
    let pointer: UnsafePointer<UInt8>?

    /// The empty name (no namespace, no prefix).
    public static let none = XMLName(pointer: nil)

    /// A slot in a direct-mapped cache of `count` (a power of two) entries.
    @inline(__always)
    public func slot(_ count: Int) -> Int {
        // Fibonacci hashing: dictionary entries sit close together, so the pointer's low bits alone collide.
        Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (count - 1)
    }

    public var isEmpty: Bool { pointer == nil || pointer?.pointee == 0 }

    /// The name's UTF-8 bytes (valid while the parser lives).
    public var bytes: UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }
}

/// An attribute of a start tag: its names and its value's bytes.
public struct XMLRawAttribute {
    public let namespace: XMLName
    public let localName: XMLName
    public let prefix: XMLName
    public let value: UnsafeBufferPointer<UInt8>
}

/// A start tag as libxml2 reports it, valid only during
/// ``XMLSAXHandler/startElement(_:)``.
public struct XMLRawElement: ~Copyable {
    public let namespace: XMLName
    public let localName: XMLName
    public let prefix: XMLName
    public let attributeCount: Int
    public let namespaceCount: Int
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The attribute at `i` (`0..<attributeCount`).
    public func attribute(_ i: Int) -> XMLRawAttribute {
        // libxml2 gives five pointers per attribute: local name, prefix, URI, value start, value end.
        let a = attributes.unsafelyUnwrapped + 5 * i
        let value: UnsafeBufferPointer<UInt8>
        if let start = a[3], let end = a[4] { value = UnsafeBufferPointer(start: start, count: end - start) }
        else { value = UnsafeBufferPointer(start: nil, count: 0) }
        return XMLRawAttribute(namespace: XMLName(pointer: a[2]), localName: XMLName(pointer: a[0]),
                               prefix: XMLName(pointer: a[1]), value: value)
    }

    /// The value of the attribute with this namespace and local name.
    public func value(_ namespace: XMLName, _ localName: XMLName) -> UnsafeBufferPointer<UInt8>? {
        for i in 0..<attributeCount {
            let a = attributes.unsafelyUnwrapped + 5 * i
            if a[0] == localName.pointer && a[2] == namespace.pointer {
                guard let start = a[3], let end = a[4] else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The namespace declaration at `i` (`0..<namespaceCount`): prefix (none for the default) and IRI.
    public func namespaceDeclaration(_ i: Int) -> (prefix: XMLName, namespace: XMLName) {
        let n = namespaces.unsafelyUnwrapped
        return (XMLName(pointer: n[2 * i]), XMLName(pointer: n[2 * i + 1]))
    }
}

/// Drives libxml2's SAX2 push parser over a file or bytes and hands each
/// start tag, end tag and run of text to a handler as bytes: no event
/// objects and no strings, so readers of large files (RDF/XML, GraphML)
/// pay only for what they keep.
///
/// Security options, limits and error positions are those of
/// ``XMLEventReader`` (see ``XMLSecurity``).
public final class XMLSAXParser {
    /// The name used in error messages.
    public let source: String
    private var context: xmlParserCtxtPtr?
    private unowned(unsafe) var handler: any XMLSAXHandler
    private var fd: Int32 = -1
    private var memory: [UInt8]?
    private var failure: ParseError?
    private var depth = 0
    private var textLength = 0
    private static let chunkSize = 256 * 1024

    /// Opens `path`; throws when it cannot be opened.
    public init(path: String, handler: any XMLSAXHandler) throws(ParseError) {
        XMLSecurity.install()
        source = path
        self.handler = handler
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ParseError(source: path, message: errno == ENOENT ? "no such file" : "cannot read file")
        }
        try start()
    }

    /// Reads XML held in memory; `source` names it in errors and serves as its base URI.
    public init(bytes: [UInt8], source: String, handler: any XMLSAXHandler) throws(ParseError) {
        XMLSecurity.install()
        self.source = source
        self.handler = handler
        memory = bytes
        try start()
    }

    deinit {
        if let context {
            if let doc = context.pointee.myDoc { xmlFreeDoc(doc) }
            xmlFreeParserCtxt(context)
        }
        if fd >= 0 { close(fd) }
    }

    /// The dictionary's entry for `name`, to compare against the names the parser reports.
    public func name(_ name: String) -> XMLName {
        guard let dict = context?.pointee.dict else { return .none }
        return XMLName(pointer: xmlDictLookup(dict, name, -1))
    }

    /// The line the parser has reached (of the tag being reported, inside a callback).
    public var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    /// The column the parser has reached.
    public var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    private func start() throws(ParseError) {
        var sax = xmlSAXHandler()
        xmlSAXVersion(&sax, 2)
        sax.startElementNs = { user, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            let p = XMLSAXParser.from(user)
            guard p.failure == nil else { return }
            p.depth += 1
            p.textLength = 0
            if p.depth > XMLEventReader.maximumDepth {
                p.stop("elements nested deeper than \(XMLEventReader.maximumDepth) levels (the limit)")
                return
            }
            let element = XMLRawElement(
                namespace: XMLName(pointer: uri), localName: XMLName(pointer: localName), prefix: XMLName(pointer: prefix),
                attributeCount: Int(attributeCount), namespaceCount: Int(namespaceCount),
                attributes: attributes, namespaces: namespaces)
            do throws(ParseError) { try p.handler.startElement(element) } catch { p.fail(error) }
        }
        sax.endElementNs = { user, _, _, _ in
            let p = XMLSAXParser.from(user)
            guard p.failure == nil else { return }
            p.depth -= 1
            p.textLength = 0
            do throws(ParseError) { try p.handler.endElement() } catch { p.fail(error) }
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            let p = XMLSAXParser.from(user)
            guard p.failure == nil else { return }
            p.textLength += Int(count)
            if p.textLength > XMLEventReader.maximumTextLength {
                p.stop("text longer than \(XMLEventReader.maximumTextLength) bytes (the limit for one text node)")
                return
            }
            do throws(ParseError) { try p.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(count))) } catch { p.fail(error) }
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        sax.comment = { user, value in
            let p = XMLSAXParser.from(user)
            guard p.failure == nil, let value else { return }
            p.textLength = 0
            do throws(ParseError) { try p.handler.comment(UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))) }
            catch { p.fail(error) }
        }
        sax.processingInstruction = { user, target, data in
            let p = XMLSAXParser.from(user)
            guard p.failure == nil else { return }
            p.textLength = 0
            do throws(ParseError) {
                try p.handler.processingInstruction(target: target.map { String(cString: $0) } ?? "",
                                                    data: data.map { String(cString: $0) } ?? "")
            } catch { p.fail(error) }
        }
        sax.serror = { user, error in
            guard let user, let error else { return }
            XMLSAXParser.from(user).record(error.pointee)
        }
        // The user data stays the parser context (libxml2's own SAX2 handlers,
        // kept for the prolog, expect it); the parser rides in `_private`.
        guard let ctxt = xmlCreatePushParserCtxt(&sax, nil, nil, 0, source) else {
            throw ParseError(source: source, message: "cannot create XML parser")
        }
        ctxt.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(ctxt, XMLSecurity.parseOptions)
        context = ctxt
    }

    private static func from(_ user: UnsafeMutableRawPointer?) -> XMLSAXParser {
        let ctxt = user.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<XMLSAXParser>.fromOpaque(ctxt.pointee._private.unsafelyUnwrapped).takeUnretainedValue()
    }

    /// Parses the whole document, calling the handler; throws the first
    /// error (the XML's or the handler's).
    public func parse() throws(ParseError) {
        guard let context else { return }
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset = 0
        while failure == nil {
            var status: Int32
            var last = false
            if let memory {
                let n = min(Self.chunkSize, memory.count - offset)
                last = offset + n == memory.count
                status = memory.withUnsafeBytes {
                    xmlParseChunk(context, $0.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }, Int32(n), last ? 1 : 0)
                }
                offset += n
            } else {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.chunkSize) }
                if n < 0 { throw ParseError(source: source, line: line, column: 0, message: "cannot read file") }
                last = n == 0
                status = chunk.withUnsafeBytes {
                    xmlParseChunk(context, $0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(n), last ? 1 : 0)
                }
            }
            if status != 0 && failure == nil {
                failure = ParseError(source: source, line: line, column: 0, message: "malformed XML")
            }
            if last { break }
        }
        if let failure { throw failure }
    }

    private func fail(_ error: ParseError) {
        guard failure == nil else { return }
        failure = error
        if let context { xmlStopParser(context) }
    }

    /// Fails at a limit DocGraph sets: the error names it, and libxml2 stops parsing.
    private func stop(_ message: String) {
        fail(ParseError(source: source, line: line, column: column, message: message))
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
}
