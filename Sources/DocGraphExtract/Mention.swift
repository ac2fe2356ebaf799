import DocGraphModel

/// A stretch of text recognised as naming an entity.
public struct Mention: Sendable, Equatable {
    /// The class local name: `Organization`, `Regulation`, `Person`, `Program`.
    public var kind: String
    /// Offsets in Unicode scalars from the start of the document's text.
    public var range: Range<Int>
    /// The words as written.
    public var surface: String
    /// The name of the entity it refers to.
    public var canonical: String
    /// Further names the entity goes by (a short form, a form with its suffix).
    public var aliases: [String] = []
    /// The rule that recognised it.
    public var rule: String
}
