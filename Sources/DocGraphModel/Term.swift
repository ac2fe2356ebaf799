/// What may stand as the subject of a triple: never a literal.
public enum Subject: Hashable, Comparable, Sendable {
    case iri(IRI)
    case blank(BlankNode)

    /// The same node as an object term.
    public var term: Term {
        switch self {
        case .iri(let i): return .iri(i)
        case .blank(let b): return .blank(b)
        }
    }
}

/// What may stand as the object of a triple.
public enum Term: Hashable, Comparable, Sendable {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)

    /// The term as a subject, or nil for a literal.
    public var subject: Subject? {
        switch self {
        case .iri(let i): return .iri(i)
        case .blank(let b): return .blank(b)
        case .literal: return nil
        }
    }

    public var iri: IRI? {
        if case .iri(let i) = self { return i }
        return nil
    }

    public var literal: Literal? {
        if case .literal(let l) = self { return l }
        return nil
    }
}

/// An RDF triple. The types make a literal subject or predicate impossible.
public struct Triple: Hashable, Comparable, Sendable {
    public let subject: Subject
    public let predicate: IRI
    public let object: Term

    public init(_ subject: Subject, _ predicate: IRI, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public static func < (a: Triple, b: Triple) -> Bool {
        (a.subject, a.predicate, a.object) < (b.subject, b.predicate, b.object)
    }
}

/// Anything that consumes triples one at a time: serializers, graph
/// builders, counters. Parsers push into a sink, so conversions stream.
public protocol TripleSink {
    mutating func consume(_ triple: Triple) throws
}
