import DocGraphModel
import DocGraphXML
import FoundationEssentials

/// Reads the RDF view of GraphML (see ``GraphMLSerializer``) straight into
/// a triple sink, driven by SAX callbacks on bytes: literals leave with
/// their node, edges as soon as they close. What it keeps is one entry per
/// node (its id to its IRI), so memory grows with the nodes, not the file.
///
/// A file without the view's marker is not read here: ``parse()`` returns
/// false at its first node and the caller reads it as a property graph.
final class GraphMLTripleReader: XMLSAXHandler {
    private var parser: XMLSAXParser?
    private var sink: (Triple) throws -> Void
    private let source: String

    // Names to compare against, from the parser's dictionary.
    private var nKey = XMLName.none, nDesc = XMLName.none, nNode = XMLName.none, nEdge = XMLName.none
    private var nData = XMLName.none, nGraph = XMLName.none, nGraphML = XMLName.none
    private var aID = XMLName.none, aKey = XMLName.none, aSource = XMLName.none, aTarget = XMLName.none
    private var noNamespace = XMLName.none

    private enum Field { case ignored, desc, marker, iri, predicate, literal(Int), other }
    private var field = Field.ignored
    private var text: [UInt8] = []
    private var depth = 0
    private var sawRoot = false
    private var isTripleView = false
    private var notTripleView = false

    /// Key ids to what they carry: a literal's predicate, datatype and language.
    private var keyIDs: [String: Int] = [:]
    private var keyDescriptions: [String: String] = [:]
    private var literalKeys: [(predicate: IRI, datatype: IRI, language: String?)] = []
    private var currentKey: String?

    /// Node ids to terms: `n1…` by number, anything else by name.
    private var numbered: [Subject?] = []
    private var named: [String: Subject] = [:]
    private var nodeID: [UInt8] = []
    private var nodeTerm: Subject?
    private var nodeLiterals: [(Int, String)] = []
    private var edgeSource: [UInt8] = []
    private var edgeTarget: [UInt8] = []
    private var edgePredicate: IRI?
    private var inNode = false, inEdge = false
    private var line = 0
    private var recentPredicates: [(bytes: [UInt8], iri: IRI)] = []

    init(source: String, sink: @escaping (Triple) throws -> Void) {
        self.source = source
        self.sink = sink
    }

    /// Parses the file at `path`; false when it is not the RDF view.
    func parse(path: String) throws(ParseError) -> Bool {
        try run(XMLSAXParser(path: path, handler: self))
    }

    /// Parses bytes in memory; false when they are not the RDF view.
    func parse(bytes: [UInt8]) throws(ParseError) -> Bool {
        try run(XMLSAXParser(bytes: bytes, source: source, handler: self))
    }

    private struct NotTheTripleView: Error {}

    private func run(_ p: XMLSAXParser) throws(ParseError) -> Bool {
        parser = p
        nKey = p.name("key"); nDesc = p.name("desc"); nNode = p.name("node"); nEdge = p.name("edge")
        nData = p.name("data"); nGraph = p.name("graph"); nGraphML = p.name("graphml")
        aID = p.name("id"); aKey = p.name("key"); aSource = p.name("source"); aTarget = p.name("target")
        defer { parser = nil }
        do {
            try p.parse()
        } catch {
            if notTripleView { return false }
            throw error
        }
        guard sawRoot else { throw ParseError(source: source, message: "no <graphml> element") }
        return isTripleView
    }

    private func error(_ message: String) -> ParseError {
        ParseError(source: source, line: parser?.line ?? 0, column: parser?.column ?? 0, message: message)
    }

    private func string(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    func startElement(_ e: borrowing XMLRawElement) throws(ParseError) {
        depth += 1
        let name = e.localName
        if depth == 1 {
            guard name == nGraphML else { throw error("expected <graphml> as the root element, found <\(string(name.bytes))>") }
            sawRoot = true
            return
        }
        if name == nData {
            guard let k = e.value(noNamespace, aKey) else { throw error("<data> without a key") }
            text.removeAll(keepingCapacity: true)
            if inEdge {
                field = k.elementsEqual("predicate".utf8) ? .predicate : .other
            } else if inNode {
                if k.elementsEqual("iri".utf8) { field = .iri }
                else if let index = keyIDs[string(k)] { field = .literal(index) }
                else { throw error("node data under key '\(string(k))', which the RDF view of GraphML does not declare") }
            } else {
                field = k.elementsEqual("rdf".utf8) ? .marker : .other
            }
        } else if name == nEdge {
            guard isTripleView else { return try notTheView() }
            guard let s = e.value(noNamespace, aSource), let t = e.value(noNamespace, aTarget) else {
                throw error("<edge> without source or target")
            }
            edgeSource = Array(s)
            edgeTarget = Array(t)
            edgePredicate = nil
            inEdge = true
        } else if name == nNode {
            guard isTripleView else { return try notTheView() }
            guard let id = e.value(noNamespace, aID) else { throw error("<node> without an id") }
            nodeID = Array(id)
            nodeTerm = nil
            nodeLiterals.removeAll(keepingCapacity: true)
            inNode = true
        } else if name == nKey {
            guard let id = e.value(noNamespace, aID) else { throw error("<key> without an id") }
            currentKey = string(id)
        } else if name == nDesc, currentKey != nil {
            text.removeAll(keepingCapacity: true)
            field = .desc
        }
    }

    private func notTheView() throws(ParseError) {
        notTripleView = true
        throw error("not the RDF view of GraphML")
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        if case .ignored = field { return }
        text.append(contentsOf: bytes)
    }

    func endElement() throws(ParseError) {
        depth -= 1
        switch field {
        case .ignored:
            if inEdge && depth == 2 { try endEdge() }
            else if inNode && depth == 2 { try endNode() }
            else if currentKey != nil && depth == 1 { currentKey = nil }
            return
        case .desc:
            if let k = currentKey { try declare(k, description: String(decoding: text, as: UTF8.self)) }
        case .marker:
            isTripleView = text.elementsEqual(GraphMLSerializer.marker.utf8)
        case .iri:
            nodeTerm = try term(text)
        case .predicate:
            edgePredicate = try predicate(text)
        case .literal(let k):
            nodeLiterals.append((k, String(decoding: text, as: UTF8.self)))
        case .other:
            break
        }
        field = .ignored
    }

    /// A literal key: its `<desc>` names the predicate, then `@tag` or `^^datatype`.
    private func declare(_ id: String, description: String) throws(ParseError) {
        guard let kind = Self.literalKind(description) else {
            throw error("key '\(id)' has a <desc> that is neither 'IRI', 'IRI @tag' nor 'IRI ^^DATATYPE'")
        }
        keyIDs[id] = literalKeys.count
        literalKeys.append(kind)
    }

    /// Reads a literal key's `<desc>` (see ``GraphMLSerializer/description(predicate:datatype:language:)``).
    static func literalKind(_ description: String) -> (predicate: IRI, datatype: IRI, language: String?)? {
        let parts = description.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let p = IRI(first) else { return nil }
        guard parts.count == 2 else { return (p, XSD.string, nil) }
        if parts[1].hasPrefix("@") { return (p, RDF.langString, String(parts[1].dropFirst())) }
        if parts[1].hasPrefix("^^"), let d = IRI(String(parts[1].dropFirst(2))) { return (p, d, nil) }
        return nil
    }

    private func term(_ b: [UInt8]) throws(ParseError) -> Subject {
        if b.count > 2 && b[0] == 0x5F && b[1] == 0x3A {
            return .blank(BlankNode(String(decoding: b[2...], as: UTF8.self)))
        }
        let s = String(decoding: b, as: UTF8.self)
        guard let iri = IRI(s) else { throw error("node iri '\(s)' is not an absolute IRI") }
        return .iri(iri)
    }

    /// Predicates are few: the recent ones are matched by their bytes.
    private func predicate(_ b: [UInt8]) throws(ParseError) -> IRI {
        for r in recentPredicates where r.bytes == b { return r.iri }
        let s = String(decoding: b, as: UTF8.self)
        guard let iri = IRI(s) else { throw error("edge predicate '\(s)' is not an absolute IRI") }
        if recentPredicates.count < 64 { recentPredicates.append((b, iri)) }
        return iri
    }

    /// `n123` → 123, for the ids ``GraphMLSerializer`` writes.
    private func number(_ id: [UInt8]) -> Int? {
        guard id.count > 1, id.count < 12, id[0] == 0x6E else { return nil }
        var n = 0
        for c in id.dropFirst() {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    private func endNode() throws(ParseError) {
        inNode = false
        guard let s = nodeTerm else { throw error("node '\(String(decoding: nodeID, as: UTF8.self))' has no iri") }
        if let n = number(nodeID) {
            if numbered.count <= n { numbered += Array(repeating: nil, count: n + 1 - numbered.count) }
            numbered[n] = s
        } else {
            named[String(decoding: nodeID, as: UTF8.self)] = s
        }
        for (k, v) in nodeLiterals {
            let key = literalKeys[k]
            let literal = key.language.map { Literal(v, language: $0) } ?? Literal(v, datatype: key.datatype)
            try emit(Triple(s, key.predicate, .literal(literal)))
        }
    }

    private func node(_ id: [UInt8]) throws(ParseError) -> Subject {
        if let n = number(id), n < numbered.count, let s = numbered[n] { return s }
        if let s = named[String(decoding: id, as: UTF8.self)] { return s }
        throw error("edge refers to an unknown node '\(String(decoding: id, as: UTF8.self))' (the RDF view lists nodes before edges)")
    }

    private func endEdge() throws(ParseError) {
        inEdge = false
        guard let p = edgePredicate else { throw error("edge without a predicate") }
        try emit(Triple(try node(edgeSource), p, try node(edgeTarget).term))
    }

    private func emit(_ t: Triple) throws(ParseError) {
        do { try sink(t) } catch let e as ParseError { throw e } catch { throw self.error("\(error)") }
    }
}
