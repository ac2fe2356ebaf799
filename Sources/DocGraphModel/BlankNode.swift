/// A blank node, identified by a label that is meaningful only inside one
/// graph or file.
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let id: String

    public init(_ id: String) { self.id = id }

    public var description: String { "_:\(id)" }

    public static func < (a: BlankNode, b: BlankNode) -> Bool { a.id < b.id }
}
