/// Names of bodies that say what kind of body they are but not whose: 市委, 区政协, 大会, 专委会,
/// 市公安局, 中共县委. A document that names its place resolves them (市委 in a Hangzhou report is
/// 杭州市委); one that does not leaves them as written, and then the same words in two documents
/// may name two bodies (the 市委 of two cities). Such a name is one entity per document, never one
/// across a collection (``IRIMinting/entity(base:name:document:)``).
///
/// A name is placeless when it is, in full, an optional party prefix (中共, 民革), an optional level
/// word other than 全国 (市, 县, 镇), an optional department (公安, 组织) and a kind of body: an
/// organization ending in any of its forms, a sub-body ending, a special committee or an
/// institution's body (党委, 工会), all read from the lexicons.
struct PlacelessBodyNames: Sendable {
    private let prefixes: [String]
    private let levelWords: [String]
    private let departments: [String]
    private let kinds: Set<String>

    init(rules: ExtractionRules) {
        prefixes = Array(Set(rules.partyPrefixes.map(\.word)))
        levelWords = Array(Set(rules.levels.filter { $0.value != "nation" }.keys))
        departments = Array(Set(rules.departments.flatMap { [$0.form, $0.canonical] }))
        var kinds = Set<String>()
        for e in rules.organizationEndings { kinds.formUnion([e.ending, e.canonical, e.canonicalAfterParty]) }
        kinds.formUnion(rules.subBodyEndings)
        kinds.formUnion(rules.specialCommittees)
        kinds.formUnion(rules.institutionBodies)
        self.kinds = kinds
    }

    /// Whether `name` is only a kind of body, with no place or owner that tells which one.
    func contains(_ name: String) -> Bool {
        contains(Substring(name), allowing: [.prefix, .level, .department])
    }

    private enum Part { case prefix, level, department }

    /// The name after any of the parts still allowed, in their order, is a kind of body.
    private func contains(_ name: Substring, allowing parts: ArraySlice<Part>) -> Bool {
        if kinds.contains(String(name)) { return true }
        for (k, part) in parts.enumerated() {
            let words: [String]
            switch part {
            case .prefix: words = prefixes
            case .level: words = levelWords
            case .department: words = departments
            }
            let later = parts.dropFirst(k + 1)
            for w in words where name.count > w.count && name.hasPrefix(w) {
                if contains(name.dropFirst(w.count), allowing: later) { return true }
            }
        }
        return false
    }
}
