import DocGraphModel

/// The extractor's settings that are numbers: how sure the built-in rules are, when the tagger's
/// names are believed, and how likely the trained scorers must find a name or a relation to keep
/// it. Read from `rules/policy.tsv` (a name and a value a line); a name the file leaves out keeps
/// its default, so an older ontology folder still loads.
public struct ExtractionPolicy: Sendable, Equatable {
    /// A post title next to a name (市委书记王明): the person holds a post in the body it names or implies.
    public var postTitleConfidence = 0.85
    /// The same, where the tagger read the name too.
    public var confirmedPostTitleConfidence = 0.9
    /// A cue frame with an end only the tagger found is this much less sure.
    public var taggerOnlyFactor = 0.9
    /// A committee or office named right after its body (省人大常委会财政经济工作委员会) is part of it.
    public var partOfConfidence = 0.9
    /// A decision whose title says it revises a regulation (关于修改〈X〉的决定) amended it.
    public var revisionConfidence = 0.85
    /// A name on a roster's line under the body the roster staffs (组长:王明) holds a post in that body.
    public var rosterConfidence = 0.85
    /// The tagger's organization names below this score are not kept on its word alone.
    public var taggerOrganizationMinimumScore = 0.75
    /// Below this the tagger's name boundaries are guesses (韩立 for 韩立新).
    public var taggerNameMinimumScore = 0.6
    /// At or above this a name of the tagger's needs no known surname (苻, 逄).
    public var taggerNameSureScore = 0.9
    /// The least probability the trained entity scorer must give a stretch for it to be kept as a name.
    public var entityThreshold = 0.5
    /// The least probability the trained relation scorer must give a relation for it to be drawn.
    public var relationThreshold = 0.5

    public init() {}

    /// Every setting by its name in `rules/policy.tsv` (key paths are immutable values; the array is never changed).
    nonisolated(unsafe) static let settings: [(name: String, path: WritableKeyPath<ExtractionPolicy, Double>)] = [
        ("post-title.confidence", \.postTitleConfidence),
        ("post-title.tagger-confirmed.confidence", \.confirmedPostTitleConfidence),
        ("cue-frame.tagger-only.factor", \.taggerOnlyFactor),
        ("part-of.named-inside.confidence", \.partOfConfidence),
        ("amended.decision-title.confidence", \.revisionConfidence),
        ("holds-position.roster.confidence", \.rosterConfidence),
        ("tagger.organization.minimum-score", \.taggerOrganizationMinimumScore),
        ("tagger.name.minimum-score", \.taggerNameMinimumScore),
        ("tagger.name.sure-score", \.taggerNameSureScore),
        ("model.entity.threshold", \.entityThreshold),
        ("model.relation.threshold", \.relationThreshold),
    ]

    /// Reads the settings of `lines` (a file's meaningful lines, numbered), naming the line of any mistake.
    static func parse(_ lines: [(line: Int, text: String)], path: String) throws -> ExtractionPolicy {
        var policy = ExtractionPolicy()
        var seen: Set<String> = []
        for (line, text) in lines {
            let cols = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 2 else {
                throw ParseError(source: path, line: line, column: 1, message: "expected 2 tab-separated columns (name, value), found \(cols.count)")
            }
            guard let setting = settings.first(where: { $0.name == cols[0] }) else {
                throw ParseError(source: path, line: line, column: 1,
                                 message: "unknown setting '\(cols[0])'; the settings are \(settings.map(\.name).joined(separator: ", "))")
            }
            guard let value = Double(cols[1]), (0...1).contains(value) else {
                throw ParseError(source: path, line: line, column: cols[0].count + 2, message: "'\(cols[1])' is not a number from 0 to 1")
            }
            guard seen.insert(cols[0]).inserted else {
                throw ParseError(source: path, line: line, column: 1, message: "'\(cols[0])' is set twice")
            }
            policy[keyPath: setting.path] = value
        }
        return policy
    }
}
