import DocGraphLearn

/// What a relation may hold between, by the classes of its ends: the labels a
/// candidate pair of that signature may take.
enum RelationSignature: String, CaseIterable, Sendable {
    case organizationRegulation = "Org>Reg"
    case organizationProgram = "Org>Prog"
    case organizationOrganization = "Org>Org"
    case personOrganization = "Per>Org"

    static func of(subject: EntityKind, object: EntityKind) -> RelationSignature? {
        switch (subject, object) {
        case (.organization, .regulation): return .organizationRegulation
        case (.organization, .program): return .organizationProgram
        case (.organization, .organization): return .organizationOrganization
        case (.person, .organization): return .personOrganization
        default: return nil
        }
    }

    /// The predicates (local names) a pair of this signature may stand in.
    var predicates: [String] {
        switch self {
        case .organizationRegulation: return ["enacted", "amended", "inspected"]
        case .organizationProgram: return ["organized", "participatedIn"]
        case .organizationOrganization: return ["collaboratedWith", "oversees", "reportsTo", "leads", "partOf"]
        case .personOrganization: return ["holdsPosition"]
        }
    }
}

/// A pair of mentions in one sentence (or the document's author and a
/// mention) that a relation may hold between, with the features the trained
/// scorer decides on.
struct RelationCandidate {
    var subject: Mention
    var object: Mention
    /// Whether an end is the document's author, not written in the sentence.
    var subjectIsAuthor = false
    var objectIsAuthor = false
    var signature: RelationSignature
    /// The role of a post (市委书记), for holdsPosition.
    var role: String?
    var features: FeatureSet
    /// The other bodies of a list the subject heads (甲、乙和丙联合印发…): the list is one subject,
    /// weighed once, by its member nearest the object, and the relation holds for every member
    /// (ONTOLOGY.md rule 6).
    var followers: [Mention] = []
    /// For a post: where its title is written, and whether the body is named right before it
    /// (村委会主任). Such a title is a post of that body, not of the author or a body it implies.
    var title: Range<Int>?
    var bodyNamedByTitle = false
}

/// The labels of the relation scorer: no relation, then every scored predicate.
enum RelationLabels {
    static let none = "none"
    static let all: [String] = [none] + RelationSignature.allCases.flatMap(\.predicates)

    /// The label indices a candidate may take. A symmetric relation (collaboratedWith) is read
    /// once per pair: from the end written first to the other, and from the author to a body.
    static func allowed(_ c: RelationCandidate, in labels: [String]) -> [Int] {
        let reversed = c.objectIsAuthor || (!c.subjectIsAuthor && c.object.range.lowerBound < c.subject.range.lowerBound)
        return ([none] + c.signature.predicates).filter { !(reversed && $0 == "collaboratedWith") }.compactMap { labels.firstIndex(of: $0) }
    }
}
