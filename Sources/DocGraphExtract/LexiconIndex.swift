/// The lexicons arranged for scanning text, built once per set of rules:
/// place names by their characters, and endings, national bodies and post
/// titles by the character they start with, behind bitmaps that let most
/// positions of a text be passed over with one array read.
struct LexiconIndex: Sendable {
    /// Place names by their scalars, full (杭州市) and short (杭州) forms alike.
    let placeForms: [[Unicode.Scalar]: String]
    let maximumPlaceLength: Int
    /// Every character a place form ends with.
    let placeEnds: ScalarSet
    /// Endings by their first character, longest first.
    let endingsByFirst: [Unicode.Scalar: [ExtractionRules.OrganizationEnding]]
    let nationalByFirst: [Unicode.Scalar: [(form: String, canonical: String)]]
    /// Every character an ending or a national body's name starts with.
    let organizationStarts: ScalarSet
    let titlesByFirst: [Unicode.Scalar: [ExtractionRules.PostTitle]]
    let titleStarts: ScalarSet

    init(rules: ExtractionRules) {
        var forms: [[Unicode.Scalar]: String] = [:]
        for (name, place) in rules.places {
            forms[Array(name.unicodeScalars)] = name
            // The short form drops the level word (省, 市, 自治区…) when two characters or more remain.
            for suffix in ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
                let short = Array(name.unicodeScalars.dropLast(suffix.unicodeScalars.count))
                if short.count >= 2 && forms[short] == nil { forms[short] = place.name }
                break
            }
        }
        placeForms = forms
        maximumPlaceLength = forms.keys.map(\.count).max() ?? 0
        placeEnds = ScalarSet(forms.keys.compactMap(\.last))
        endingsByFirst = Dictionary(grouping: rules.organizationEndings, by: { $0.ending.unicodeScalars.first ?? " " })
        nationalByFirst = Dictionary(grouping: rules.nationalOrganizations, by: { $0.form.unicodeScalars.first ?? " " })
        organizationStarts = ScalarSet(Array(endingsByFirst.keys) + Array(nationalByFirst.keys))
        titlesByFirst = Dictionary(grouping: rules.postTitles, by: { $0.title.unicodeScalars.first ?? " " })
        titleStarts = ScalarSet(titlesByFirst.keys)
    }
}
