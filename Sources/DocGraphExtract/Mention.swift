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
    /// The rule that recognised it (`…tagger` when only the statistical tagger did).
    public var rule: String
    /// The body this one is part of, when it is named inside it (a committee of a congress).
    public var parent: [Mention] = []
    /// For a decision on regulations (《…关于修改〈X〉的决定》), the regulations it revises.
    public var revises: [Mention] = []
    /// The tagger's confidence in the span, when the tagger found it too (or alone).
    public var taggerScore: Float? = nil

    /// Who found it: `rules`, `tagger` or `both`.
    public var source: String { taggerScore == nil ? "rules" : rule.hasSuffix(".tagger") ? "tagger" : "both" }
}
