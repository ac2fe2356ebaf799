import DocGraphModel
import DocGraphXML

/// Reads RDF/XML (RDF 1.1 XML Syntax) from libxml2's SAX callbacks,
/// pushing triples into a sink as they are recognised: memory grows with
/// the nesting depth of the XML, not with the size of the file.
///
/// The grammar of the W3C recommendation (§7) is followed production by
/// production; each open element is a ``Frame`` on a stack. The callbacks
/// bring bytes (``XMLSAXParser``): names are turned into strings once per
/// parse, whitespace between elements is checked as bytes and never becomes
/// a string, and text becomes one only when a literal needs it.
public struct RDFXMLParser {
    /// The base IRI for relative references, when the file has no `xml:base`.
    public var base: String

    public init(base: String) { self.base = base }

    /// Parses the file at `path` into `sink`.
    public func parse(path: String, into sink: inout some TripleSink) throws {
        try withoutActuallyEscaping({ (t: Triple) throws in try sink.consume(t) }) { consume in
            let run = Run(source: path, base: IRIResolver.stripFragment(base), sink: consume)
            try run.parse(XMLSAXParser(path: path, handler: run))
        }
    }

    /// Parses RDF/XML held in memory; `source` names it in errors.
    public func parse(bytes: [UInt8], source: String, into sink: inout some TripleSink) throws {
        try withoutActuallyEscaping({ (t: Triple) throws in try sink.consume(t) }) { consume in
            let run = Run(source: source, base: IRIResolver.stripFragment(base), sink: consume)
            try run.parse(XMLSAXParser(bytes: bytes, source: source, handler: run))
        }
    }
}

/// One element being read and what it is in the RDF/XML grammar.
private struct Frame {
    enum Kind {
        case document
        case rdfRoot
        /// A node element, or a `parseType="Resource"` property acting as one.
        case node
        /// A property element whose content is not known yet.
        case property
        case collection
        case xmlLiteral
    }

    var kind: Kind
    var base: String
    var language: String?
    var subject: Subject?
    var listIndex = 1
    // Property elements:
    var predicate = RDF.type
    var reification: IRI?
    var datatype: IRI?
    var resourceObject: Subject?
    var propertyAttributes: [(IRI, String)] = []
    var hasObjectAttributes = false
    var text = ""
    var sawText = false
    var childObject: Subject?
    var items: [Subject] = []
    // XML literals: namespaces already declared in the literal's output, per depth.
    var literalDepth = 0
    var literalScopes: [[String: String]] = []
    var literalTags: [String] = []
    var line = 0
    var column = 0

    init(kind: Kind, base: String, language: String?) {
        self.kind = kind
        self.base = base
        self.language = language
    }
}

private let rdfNS = RDF.namespace

/// A sink for the productions below: `sink.consume(t)` reads as before.
private struct ClosureSink {
    let consume: (Triple) throws -> Void
    @inline(__always) func consume(_ t: Triple) throws { try consume(t) }
}

/// The state of one parse, fed by the SAX callbacks.
private final class Run: XMLSAXHandler {
    let source: String
    unowned(unsafe) var parser: XMLSAXParser?
    @exclusivity(unchecked) var stack: [Frame]
    @exclusivity(unchecked) var usedIDs = Set<String>()
    @exclusivity(unchecked) var checkedNamespaces = Set<String>()
    @exclusivity(unchecked) var recentIRIs: [(namespace: String, localName: String, iri: IRI)] = []
    @exclusivity(unchecked) var blankCounter = 0
    /// Namespace bindings in scope, innermost last, for XML literals.
    @exclusivity(unchecked) var namespaces: [[String: String]] = [["xml": xmlNamespace]]
    @exclusivity(unchecked) var scopePushed: [Bool] = []
    @exclusivity(unchecked) var sink: ClosureSink
    /// Character data of the open element not yet handed to ``text(_:)``.
    @exclusivity(unchecked) var pendingText: [UInt8] = []
    @exclusivity(unchecked) var pendingLine = 0
    /// Names from the parser's dictionary as strings, made once each.
    @exclusivity(unchecked) var names: [XMLName: String] = [:]
    @exclusivity(unchecked) var failure: Error?

    init(source: String, base: String, sink: @escaping (Triple) throws -> Void) {
        self.source = source
        self.sink = ClosureSink(consume: sink)
        stack = [Frame(kind: .document, base: base, language: nil)]
    }

    func parse(_ p: XMLSAXParser) throws {
        parser = p
        nRDF = p.name(rdfNS); nXML = p.name(xmlNamespace); nAbout = p.name("about"); nResource = p.name("resource")
        nLang = p.name("lang"); nDescription = p.name("Description")
        defer { parser = nil }
        do {
            try p.parse()
        } catch {
            // A sink's own error (a write failing) is rethrown as it was.
            if let failure { throw failure }
            throw error
        }
        try flushText()
    }

    func error(_ message: String, _ e: XMLStartElement? = nil) -> ParseError {
        ParseError(source: source, line: e?.line ?? parser?.line ?? 0, column: e?.column ?? 0, message: message)
    }

    func freshBlank() -> Subject {
        blankCounter += 1
        return .blank(BlankNode("g\(blankCounter)"))
    }

    // MARK: SAX callbacks

    /// Runs a production, keeping errors that are not about the XML as they are.
    @inline(__always)
    private func guarded(_ body: () throws -> Void) throws(ParseError) {
        do { try body() } catch let e as ParseError { throw e } catch {
            failure = error
            throw ParseError(source: source, message: "\(error)")
        }
    }

    /// A direct-mapped cache in front of ``names``: a few names make up
    /// nearly every element, and this spares hashing them.
    @exclusivity(unchecked) var recentNames = [(name: XMLName, string: String)](repeating: (.none, ""), count: 256)

    private func string(_ n: XMLName) -> String {
        let slot = n.slot(256)
        if recentNames[slot].name == n { return recentNames[slot].string }
        let s: String
        if let known = names[n] { s = known } else {
            s = String(decoding: n.bytes, as: UTF8.self)
            names[n] = s
        }
        recentNames[slot] = (n, s)
        return s
    }

    // Names the fast path compares by pointer (see ``XMLName``).
    var nRDF = XMLName.none, nXML = XMLName.none, nAbout = XMLName.none, nResource = XMLName.none
    var nLang = XMLName.none, nDescription = XMLName.none
    /// Element IRIs by their names' pointers, for the fast path.
    @exclusivity(unchecked) var elementIRIs = [(namespace: XMLName, localName: XMLName, iri: IRI?)](
        repeating: (.none, .none, nil), count: 256)

    /// The element's IRI when its namespace is not RDF's and is known good; nil sends the element the long way.
    @inline(__always)
    private func knownElementIRI(_ raw: borrowing XMLRawElement) -> IRI? {
        let slot = raw.localName.slot(256)
        let c = elementIRIs[slot]
        if c.localName == raw.localName && c.namespace == raw.namespace { return c.iri }
        guard !raw.namespace.isEmpty, raw.namespace != nRDF else { return nil }
        let ns = string(raw.namespace)
        guard checkedNamespaces.contains(ns) || IRI.isAbsolute(ns + "x") else { return nil }
        checkedNamespaces.insert(ns)
        let iri = IRI(unchecked: ns + string(raw.localName))
        elementIRIs[slot] = (raw.namespace, raw.localName, iri)
        return iri
    }

    /// The two shapes nearly every large file is made of, read straight from
    /// the callback's bytes: a node element with only `rdf:about` under
    /// `rdf:RDF`, and a property element with nothing, `xml:lang` or
    /// `rdf:resource` under a node. Anything else, or anything doubtful (a
    /// relative IRI, an `rdf:` name, a namespace declaration), returns false
    /// and goes through the full grammar below.
    private func fastStart(_ raw: borrowing XMLRawElement) throws -> Bool {
        guard raw.namespaceCount == 0, raw.attributeCount <= 1 else { return false }
        let k = stack.count - 1
        switch stack[k].kind {
        case .rdfRoot:
            guard raw.attributeCount == 1 else { return false }
            let a = raw.attribute(0)
            guard a.localName == nAbout, a.namespace == nRDF else { return false }
            let isDescription = raw.namespace == nRDF && raw.localName == nDescription
            var type: IRI?
            if !isDescription {
                guard let t = knownElementIRI(raw) else { return false }
                type = t
            }
            let about = String(decoding: a.value, as: UTF8.self)
            guard IRIResolver.isPlainAbsolute(about) else { return false }
            let subject = Subject.iri(IRI(unchecked: about))
            var f = Frame(kind: .node, base: stack[k].base, language: stack[k].language)
            f.subject = subject
            if let type { try sink.consume(Triple(subject, RDF.type, .iri(type))) }
            stack.append(f)
            return true
        case .node:
            guard let subject = stack[k].subject, let predicate = knownElementIRI(raw) else { return false }
            _ = subject
            var f = Frame(kind: .property, base: stack[k].base, language: stack[k].language)
            f.predicate = predicate
            if raw.attributeCount == 1 {
                let a = raw.attribute(0)
                if a.localName == nLang && a.namespace == nXML {
                    f.language = a.value.isEmpty ? nil : String(decoding: a.value, as: UTF8.self)
                } else if a.localName == nResource && a.namespace == nRDF {
                    let resource = String(decoding: a.value, as: UTF8.self)
                    guard IRIResolver.isPlainAbsolute(resource) else { return false }
                    f.resourceObject = .iri(IRI(unchecked: resource))
                    f.hasObjectAttributes = true
                } else {
                    return false
                }
            }
            stack.append(f)
            return true
        default:
            return false
        }
    }

    func startElement(_ raw: borrowing XMLRawElement) throws(ParseError) {
        try guarded {
            try flushText()
            if try fastStart(raw) {
                scopePushed.append(false)
                return
            }
            let line = parser?.line ?? 0
            var e = XMLStartElement(namespace: string(raw.namespace), localName: string(raw.localName),
                                    prefix: raw.prefix.isEmpty ? nil : string(raw.prefix),
                                    attributes: [], namespaceDeclarations: [], line: line, column: parser?.column ?? 0)
            if raw.attributeCount > 0 {
                e.attributes.reserveCapacity(raw.attributeCount)
                for i in 0..<raw.attributeCount {
                    let a = raw.attribute(i)
                    e.attributes.append(XMLAttribute(namespace: string(a.namespace), localName: string(a.localName),
                                                     prefix: a.prefix.isEmpty ? nil : string(a.prefix),
                                                     value: String(decoding: a.value, as: UTF8.self)))
                }
            }
            // A scope is pushed only by an element that declares namespaces.
            scopePushed.append(raw.namespaceCount > 0)
            if raw.namespaceCount > 0 {
                var scope = namespaces[namespaces.count - 1]
                for i in 0..<raw.namespaceCount {
                    let d = raw.namespaceDeclaration(i)
                    scope[d.prefix.isEmpty ? "" : string(d.prefix)] = String(decoding: d.namespace.bytes, as: UTF8.self)
                }
                namespaces.append(scope)
            }
            try start(e, into: &sink)
        }
    }

    func endElement() throws(ParseError) {
        try guarded {
            try flushText()
            try end(into: &sink)
            if scopePushed.removeLast() { namespaces.removeLast() }
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        switch stack[stack.count - 1].kind {
        case .property, .xmlLiteral:
            if pendingText.isEmpty { pendingLine = parser?.line ?? 0 }
            pendingText.append(contentsOf: bytes)
        default:
            // Between elements only whitespace may stand: checked as bytes, never made a string.
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
            let t = String(decoding: bytes, as: UTF8.self)
            throw error("text '\(t.prefix(20))' is not allowed here")
        }
    }

    /// One run of text, as one string, to the production that takes it.
    private func flushText() throws {
        guard !pendingText.isEmpty else { return }
        let t = String(decoding: pendingText, as: UTF8.self)
        pendingText.removeAll(keepingCapacity: true)
        try text(t)
    }

    func comment(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        try guarded {
            try flushText()
            if stack[stack.count - 1].kind == .xmlLiteral {
                stack[stack.count - 1].text += "<!--\(String(decoding: bytes, as: UTF8.self))-->"
            }
        }
    }

    func processingInstruction(target: String, data: String) throws(ParseError) {
        try guarded {
            try flushText()
            if stack[stack.count - 1].kind == .xmlLiteral {
                stack[stack.count - 1].text += data.isEmpty ? "<?\(target)?>" : "<?\(target) \(data)?>"
            }
        }
    }

    // MARK: Events

    func start(_ e: XMLStartElement, into sink: inout ClosureSink) throws {
        // The parent's kind alone: copying a whole frame costs a retain per field.
        let k = stack.count - 1
        switch stack[k].kind {
        case .document:
            if e.namespace == rdfNS && e.localName == "RDF" {
                var f = Frame(kind: .rdfRoot, base: stack[k].base, language: stack[k].language)
                try applyXMLAttributes(e, to: &f)
                for a in e.attributes where !isXMLAttribute(a) {
                    throw error("attribute '\(qname(a))' is not allowed on rdf:RDF", e)
                }
                stack.append(f)
            } else {
                _ = try nodeElement(e, into: &sink)
            }
        case .rdfRoot:
            _ = try nodeElement(e, into: &sink)
        case .node:
            try propertyElement(e, into: &sink)
        case .property:
            if stack[stack.count - 1].childObject != nil {
                throw error("a property element holds at most one node element", e)
            }
            if !stack[stack.count - 1].text.isXMLWhitespace {
                throw error("a property element cannot mix text and a node element", e)
            }
            if stack[stack.count - 1].hasObjectAttributes || stack[stack.count - 1].datatype != nil {
                throw error("a property element with rdf:resource, rdf:nodeID, rdf:datatype or property attributes must be empty", e)
            }
            let object = try nodeElement(e, into: &sink)
            stack[stack.count - 2].childObject = object
        case .collection:
            let object = try nodeElement(e, into: &sink)
            stack[stack.count - 2].items.append(object)
        case .xmlLiteral:
            literalStart(e)
        }
    }

    func end(into sink: inout ClosureSink) throws {
        let f = stack.removeLast()
        switch f.kind {
        case .document, .rdfRoot, .node:
            break  // node triples were written at the start tag
        case .property:
            try endProperty(f, into: &sink)
        case .collection:
            guard let subject = stack.isEmpty ? nil : stack[stack.count - 1].subject else { return }
            var head: Subject = .iri(RDF.nil_)
            var nodes: [Subject] = []
            for _ in f.items { nodes.append(freshBlank()) }
            if let first = nodes.first { head = first }
            try emit(subject, f.predicate, head.term, reify: f.reification, into: &sink)
            for (k, item) in f.items.enumerated() {
                try sink.consume(Triple(nodes[k], RDF.first, item.term))
                let rest: Term = k + 1 < nodes.count ? nodes[k + 1].term : .iri(RDF.nil_)
                try sink.consume(Triple(nodes[k], RDF.rest, rest))
            }
        case .xmlLiteral:
            if f.literalDepth > 0 {
                var g = f
                literalEnd(&g)
                stack.append(g)
                return
            }
            guard let subject = stack.isEmpty ? nil : stack[stack.count - 1].subject else { return }
            try emit(subject, f.predicate, .literal(Literal(f.text, datatype: RDF.xmlLiteral)),
                     reify: f.reification, into: &sink)
        }
    }

    func text(_ t: String) throws {
        let k = stack.count - 1
        switch stack[k].kind {
        case .property:
            stack[k].text += t
            stack[k].sawText = true
        case .xmlLiteral:
            stack[k].text += Run.escapeText(t)
        default:
            if !t.isXMLWhitespace {
                throw error("text '\(t.prefix(20))' is not allowed here")
            }
        }
    }

    // MARK: Productions

    func qname(_ a: XMLAttribute) -> String { a.prefix.map { "\($0):\(a.localName)" } ?? a.localName }

    /// Attributes in the XML namespace, or whose prefix (or, unqualified,
    /// whose name) starts with "xml" in any case, are reserved and ignored.
    func isXMLAttribute(_ a: XMLAttribute) -> Bool {
        if let p = a.prefix { return startsWithXML(p) }
        return a.namespace.isEmpty && startsWithXML(a.localName)
    }

    func startsWithXML(_ s: String) -> Bool {
        var it = s.utf8.makeIterator()
        guard let x = it.next(), let m = it.next(), let l = it.next() else { return false }
        return x | 0x20 == 0x78 && m | 0x20 == 0x6D && l | 0x20 == 0x6C
    }

    func applyXMLAttributes(_ e: XMLStartElement, to f: inout Frame) throws {
        f.line = e.line
        f.column = e.column
        if let b = e.attribute(xmlNamespace, "base") {
            f.base = IRIResolver.stripFragment(IRIResolver.resolve(b, against: f.base))
        }
        if let l = e.attribute(xmlNamespace, "lang") {
            f.language = l.isEmpty ? nil : l
        }
    }

    func resolve(_ ref: String, _ f: Frame, _ e: XMLStartElement) throws -> IRI {
        if IRIResolver.isPlainAbsolute(ref) { return IRI(unchecked: ref) }
        let s = IRIResolver.resolve(ref, against: f.base)
        guard IRI.isAbsolute(s) else { throw error("'\(ref)' does not resolve to an absolute IRI", e) }
        return IRI(unchecked: s)
    }

    func idIRI(_ id: String, _ f: Frame, _ e: XMLStartElement) throws -> IRI {
        guard XMLText.isNCName(id) else { throw error("rdf:ID '\(id)' is not an XML name", e) }
        let iri = try resolve("#" + id, f, e)
        guard usedIDs.insert(iri.string).inserted else { throw error("rdf:ID '\(id)' is used twice", e) }
        return iri
    }

    func nodeID(_ id: String, _ e: XMLStartElement) throws -> Subject {
        guard XMLText.isNCName(id) else { throw error("rdf:nodeID '\(id)' is not an XML name", e) }
        return .blank(BlankNode("n" + id))
    }

    func elementIRI(_ e: XMLStartElement) throws -> IRI {
        guard !e.namespace.isEmpty else { throw error("element '\(e.localName)' has no namespace", e) }
        return try qualifiedIRI(e.namespace, e.localName, e)
    }

    /// Namespace + local name as an IRI; namespaces are few, so each is
    /// checked once.
    func qualifiedIRI(_ namespace: String, _ localName: String, _ e: XMLStartElement) throws -> IRI {
        // A file uses few element names, and the reader gives each one string: comparing
        // against the recent ones is cheaper than joining the two strings again.
        for r in recentIRIs where r.localName == localName && r.namespace == namespace { return r.iri }
        if !checkedNamespaces.contains(namespace) {
            guard IRI.isAbsolute(namespace + "x") else { throw error("namespace '\(namespace)' is not an absolute IRI", e) }
            checkedNamespaces.insert(namespace)
        }
        let iri = IRI(unchecked: namespace + localName)
        if recentIRIs.count < 32 { recentIRIs.append((namespace, localName, iri)) }
        return iri
    }

    static let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
    static let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]

    func nodeElement(_ e: XMLStartElement, into sink: inout ClosureSink) throws -> Subject {
        if e.namespace == rdfNS,
           Run.coreSyntaxTerms.contains(e.localName) || Run.oldTerms.contains(e.localName) || e.localName == "li" {
            throw error("rdf:\(e.localName) cannot be used as a node element", e)
        }
        var f = Frame(kind: .node, base: stack[stack.count - 1].base, language: stack[stack.count - 1].language)
        try applyXMLAttributes(e, to: &f)
        var subject: Subject?
        var properties: [(IRI, Term)] = []
        for a in e.attributes where !isXMLAttribute(a) {
            if a.namespace == rdfNS {
                switch a.localName {
                case "ID", "nodeID", "about":
                    guard subject == nil else { throw error("a node element takes only one of rdf:ID, rdf:nodeID and rdf:about", e) }
                    switch a.localName {
                    case "ID": subject = .iri(try idIRI(a.value, f, e))
                    case "nodeID": subject = try nodeID(a.value, e)
                    default: subject = .iri(try resolve(a.value, f, e))
                    }
                    continue
                case "type":
                    properties.append((RDF.type, .iri(try resolve(a.value, f, e))))
                    continue
                case "li", "Description", "parseType", "resource", "datatype", "RDF":
                    throw error("rdf:\(a.localName) is not allowed as an attribute here", e)
                case _ where Run.oldTerms.contains(a.localName):
                    throw error("rdf:\(a.localName) was removed from RDF and is not allowed", e)
                default: break
                }
            }
            guard !a.namespace.isEmpty else { throw error("attribute '\(a.localName)' has no namespace", e) }
            properties.append((try qualifiedIRI(a.namespace, a.localName, e), .literal(literal(a.value, f.language))))
        }
        let s = subject ?? freshBlank()
        f.subject = s
        if !(e.namespace == rdfNS && e.localName == "Description") {
            try sink.consume(Triple(s, RDF.type, .iri(try elementIRI(e))))
        }
        for (p, o) in properties { try sink.consume(Triple(s, p, o)) }
        stack.append(f)
        return s
    }

    func literal(_ value: String, _ language: String?) -> Literal {
        language.map { Literal(value, language: $0) } ?? Literal(value)
    }

    func propertyElement(_ e: XMLStartElement, into sink: inout ClosureSink) throws {
        let k = stack.count - 1
        var predicate: IRI
        if e.namespace == rdfNS && e.localName == "li" {
            predicate = IRI(unchecked: rdfNS + "_\(stack[k].listIndex)")
            stack[k].listIndex += 1
        } else {
            if e.namespace == rdfNS,
               Run.coreSyntaxTerms.contains(e.localName) || Run.oldTerms.contains(e.localName) || e.localName == "Description" {
                throw error("rdf:\(e.localName) cannot be used as a property element", e)
            }
            predicate = try elementIRI(e)
        }
        guard let parentSubject = stack[k].subject else { throw error("property element outside a node", e) }
        var f = Frame(kind: .property, base: stack[k].base, language: stack[k].language)
        try applyXMLAttributes(e, to: &f)
        f.predicate = predicate
        var parseType: String?
        var resource: Subject?
        for a in e.attributes where !isXMLAttribute(a) {
            if a.namespace == rdfNS {
                switch a.localName {
                case "ID": f.reification = try idIRI(a.value, f, e); continue
                case "parseType": parseType = a.value; continue
                case "datatype": f.datatype = try resolve(a.value, f, e); continue
                case "resource", "nodeID":
                    guard resource == nil else { throw error("rdf:resource and rdf:nodeID cannot both be used", e) }
                    resource = a.localName == "resource" ? .iri(try resolve(a.value, f, e)) : try nodeID(a.value, e)
                    f.hasObjectAttributes = true
                    continue
                case "type":
                    f.propertyAttributes.append((RDF.type, try resolve(a.value, f, e).string))
                    f.hasObjectAttributes = true
                    continue
                case "li", "Description", "about", "RDF":
                    throw error("rdf:\(a.localName) is not allowed on a property element", e)
                case _ where Run.oldTerms.contains(a.localName):
                    throw error("rdf:\(a.localName) was removed from RDF and is not allowed", e)
                default: break
                }
            }
            guard !a.namespace.isEmpty else { throw error("attribute '\(a.localName)' has no namespace", e) }
            f.propertyAttributes.append((try qualifiedIRI(a.namespace, a.localName, e), a.value))
            f.hasObjectAttributes = true
        }
        f.resourceObject = resource
        guard let parseType else {
            stack.append(f)
            return
        }
        if f.hasObjectAttributes || f.datatype != nil {
            throw error("rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes", e)
        }
        switch parseType {
        case "Resource":
            let b = freshBlank()
            try emit(parentSubject, predicate, b.term, reify: f.reification, into: &sink)
            f.kind = .node
            f.subject = b
            f.reification = nil
            stack.append(f)
        case "Collection":
            f.kind = .collection
            stack.append(f)
        default:
            f.kind = .xmlLiteral
            f.literalScopes = [[:]]
            stack.append(f)
        }
    }

    func endProperty(_ f: Frame, into sink: inout ClosureSink) throws {
        guard let subject = stack.isEmpty ? nil : stack[stack.count - 1].subject else { return }
        if f.childObject != nil, !f.text.isXMLWhitespace {
            throw error("a property element cannot mix text and a node element")
        }
        if let object = f.childObject {
            try emit(subject, f.predicate, object.term, reify: f.reification, into: &sink)
            return
        }
        if f.childObject != nil || f.hasObjectAttributes, !f.text.isXMLWhitespace {
            throw error("a property element with rdf:resource, rdf:nodeID, property attributes or a node element cannot hold text")
        }
        let hasText = !f.text.isEmpty && !f.hasObjectAttributes
        if hasText || f.datatype != nil || !f.hasObjectAttributes {
            if f.hasObjectAttributes {
                throw error("a property element with rdf:resource, rdf:nodeID or property attributes must be empty")
            }
            let lit = f.datatype.map { Literal(f.text, datatype: $0) } ?? literal(f.text, f.language)
            try emit(subject, f.predicate, .literal(lit), reify: f.reification, into: &sink)
            return
        }
        let object = f.resourceObject ?? freshBlank()
        try emit(subject, f.predicate, object.term, reify: f.reification, into: &sink)
        for (p, v) in f.propertyAttributes {
            if p == RDF.type {
                try sink.consume(Triple(object, p, .iri(IRI(unchecked: v))))  // resolved and checked at the start tag
            } else {
                try sink.consume(Triple(object, p, .literal(literal(v, f.language))))
            }
        }
    }

    func emit(_ s: Subject, _ p: IRI, _ o: Term, reify: IRI?, into sink: inout ClosureSink) throws {
        try sink.consume(Triple(s, p, o))
        guard let r = reify else { return }
        let rs = Subject.iri(r)
        try sink.consume(Triple(rs, RDF.type, .iri(RDF.statement)))
        try sink.consume(Triple(rs, RDF.subject, s.term))
        try sink.consume(Triple(rs, RDF.predicate, .iri(p)))
        try sink.consume(Triple(rs, RDF.object, o))
    }

    // MARK: XML literals (exclusive canonical XML, RDF 1.1 §7.2.17)

    /// Opens an element inside `rdf:parseType="Literal"` content, declaring
    /// only the namespaces the element and its attributes visibly use.
    func literalStart(_ e: XMLStartElement) {
        let k = stack.count - 1
        let inScope = namespaces[namespaces.count - 1]
        var rendered = stack[k].literalScopes[stack[k].literalScopes.count - 1]
        var declarations: [(String, String)] = []
        func use(_ prefix: String) {
            guard prefix != "xml" else { return }
            let uri = inScope[prefix] ?? ""
            if (rendered[prefix] ?? "") != uri {
                declarations.append((prefix, uri))
                rendered[prefix] = uri
            }
        }
        use(e.prefix ?? "")
        for a in e.attributes { if let p = a.prefix { use(p) } }
        let tag = e.prefix.map { "\($0):\(e.localName)" } ?? e.localName
        var out = "<" + tag
        for (p, uri) in declarations.sorted(by: { $0.0 < $1.0 }) {
            out += (p.isEmpty ? " xmlns=\"" : " xmlns:\(p)=\"") + Run.escapeAttribute(uri) + "\""
        }
        for a in e.attributes.sorted(by: { ($0.namespace, $0.localName) < ($1.namespace, $1.localName) }) {
            out += " " + qname(a) + "=\"" + Run.escapeAttribute(a.value) + "\""
        }
        out += ">"
        stack[k].text += out
        stack[k].literalScopes.append(rendered)
        stack[k].literalTags.append(tag)
        stack[k].literalDepth += 1
    }

    func literalEnd(_ f: inout Frame) {
        f.text += "</" + f.literalTags.removeLast() + ">"
        f.literalScopes.removeLast()
        f.literalDepth -= 1
    }

    static func escapeText(_ t: String) -> String {
        guard t.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else { return t }
        var out = ""
        for c in t.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func escapeAttribute(_ t: String) -> String {
        var out = ""
        for c in t.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#x9;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension String {
    /// Only space, tab, carriage return and line feed: XML's `S` production.
    var isXMLWhitespace: Bool {
        var s = self
        return s.withUTF8 { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
    }
}
