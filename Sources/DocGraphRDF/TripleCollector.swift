import DocGraphModel

/// A sink that keeps every triple in order, for graphs small enough to hold.
public struct TripleCollector: TripleSink {
    public private(set) var triples: [Triple] = []

    public init() {}

    public mutating func consume(_ triple: Triple) { triples.append(triple) }
}
