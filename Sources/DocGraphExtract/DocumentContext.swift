/// What one document says about itself that resolves its short forms: its
/// author and the places it belongs to (市委 in a Hangzhou report is 杭州市委).
struct DocumentContext {
    var author: Mention?
    /// The document's own place and the places above it, innermost first
    /// (长寿区, 重庆市): the places its level words stand for.
    var chain: [String] = []
    /// The national bodies the document names anywhere (canonical names), for posts that imply one of
    /// several (总书记: 中共中央 where the document names it).
    var nationalBodies: Set<String> = []

    init(author: Mention?, chain: [String]) {
        self.author = author
        self.chain = chain
    }

    /// The document's own place (for a bare 法院: that place's court).
    var ownPlace: String? { chain.first }

    /// The place a level word stands for: 全国 the nation; 市, 县, 区, 州 the
    /// innermost place of the chain whose name ends in it (市 in a report of a
    /// county-level city is that city, in a district's report the city above);
    /// 省 the province.
    func place(forLevelWord word: String, level: String, rules: ExtractionRules) -> String? {
        if level == "nation" { return "全国" }
        if let p = chain.first(where: { $0.hasSuffix(word) }) { return p }
        return chain.first { rules.places[$0]?.level == level && level == "province" }
    }
}
