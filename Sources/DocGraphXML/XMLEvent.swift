/// The XML namespace bound to the `xml:` prefix.
public let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

/// An attribute of a start tag, namespace-resolved.
public struct XMLAttribute: Sendable, Equatable {
    /// The namespace IRI, or the empty string for an unqualified attribute.
    public var namespace: String
    public var localName: String
    /// The prefix as written, or nil.
    public var prefix: String?
    public var value: String

    public init(namespace: String, localName: String, prefix: String?, value: String) {
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
        self.value = value
    }
}

/// A namespace declaration (`xmlns` or `xmlns:p`) written on a start tag.
public struct XMLNamespaceDeclaration: Sendable, Equatable {
    /// nil for the default namespace.
    public var prefix: String?
    public var namespace: String
}

/// A start tag, namespace-resolved, with where it stands in the file.
public struct XMLStartElement: Sendable {
    public var namespace: String
    public var localName: String
    public var prefix: String?
    public var attributes: [XMLAttribute]
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    public var line: Int
    public var column: Int

    public init(namespace: String, localName: String, prefix: String?, attributes: [XMLAttribute],
                namespaceDeclarations: [XMLNamespaceDeclaration], line: Int, column: Int) {
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
        self.attributes = attributes
        self.namespaceDeclarations = namespaceDeclarations
        self.line = line
        self.column = column
    }

    /// The attribute with this namespace and local name.
    public func attribute(_ namespace: String, _ localName: String) -> String? {
        attributes.first { $0.namespace == namespace && $0.localName == localName }?.value
    }
}

/// One step through an XML document. Empty elements are reported as a start
/// followed by an end, so consumers see one shape for both spellings.
public enum XMLEvent: Sendable {
    case startElement(XMLStartElement)
    case endElement
    /// Character data, CDATA sections and whitespace alike.
    case text(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}
