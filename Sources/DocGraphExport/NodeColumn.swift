import DocGraphModel

/// A property of the exported nodes, in the order every export writes them.
enum NodeColumn: String, CaseIterable {
    case iri, name, `class`, aliases, documents
    case title, date, source, checksum, location, format

    /// The columns of a node label: the entity ones, and the document
    /// metadata when the label holds documents.
    static func columns(documents: Bool) -> [NodeColumn] {
        documents ? allCases : [.iri, .name, .class, .aliases, .documents]
    }

    var isList: Bool { self == .aliases || self == .documents }

    func value(_ n: PropertyGraph.Node) -> PropertyValue {
        func text(_ s: String?) -> PropertyValue { s.map { .text($0) } ?? .none }
        switch self {
        case .iri: return .text(n.iri)
        case .name: return .text(n.name)
        case .class: return .text(n.className)
        case .aliases: return .list(n.aliases)
        case .documents: return .list(n.documents)
        case .title: return text(n.document?.title)
        case .date: return text(n.document?.date)
        case .source: return text(n.document?.source)
        case .checksum: return text(n.document?.checksum)
        case .location: return text(n.document?.location)
        case .format: return text(n.document?.format)
        }
    }
}

/// One property value, as the writers spell it.
enum PropertyValue {
    case none
    case number(String)
    case text(String)
    case list([String])
}
