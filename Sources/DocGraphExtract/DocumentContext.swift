/// What one document says about itself that resolves its short forms: its
/// author and the places it belongs to (市委 in a Hangzhou report is 杭州市委).
struct DocumentContext {
    var author: Mention?
    /// The full place name for each level: `city` → 杭州市, `province` → 浙江省.
    var places: [String: String] = [:]

    init(author: Mention?, authorPlace: String?, rules: ExtractionRules) {
        self.author = author
        var place = authorPlace
        while let p = place, let info = rules.places[p] {
            if places[info.level] == nil { places[info.level] = p }
            place = info.parent
        }
        places["nation"] = "全国"
    }
}
