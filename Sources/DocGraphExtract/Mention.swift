import DocGraphModel

/// A stretch of text recognised as naming an entity.
public struct Mention: Sendable, Equatable {
    public var kind: EntityKind
    /// Offsets in Unicode scalars from the start of the document's text.
    public var range: Range<Int>
    /// The words as written.
    public var surface: String
    /// The name of the entity it refers to.
    public var canonical: String
    /// Further names the entity goes by (a short form, a form with its suffix).
    public var aliases: [String] = []
    /// The rule that recognised it (``MentionRule/isTagger`` when only the statistical tagger did).
    public var rule: MentionRule
    /// The body this one is part of, when it is named inside it (a committee of a congress).
    public var parent: [Mention] = []
    /// For a decision on regulations (《…关于修改〈X〉的决定》), the regulations it revises.
    public var revises: [Mention] = []
    /// The tagger's confidence in the span, when the tagger found it too (or alone).
    public var taggerScore: Float? = nil

    /// Who found it: `rules`, `tagger` or `both`.
    public var source: String { taggerScore == nil ? "rules" : rule.isTagger ? "tagger" : "both" }
}

/// The four scored classes a mention can be of; the raw value is the class's local name in the ontology.
public enum EntityKind: String, Sendable, CaseIterable, Comparable {
    case organization = "Organization"
    case regulation = "Regulation"
    case person = "Person"
    case program = "Program"

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }

    // Compared and hashed by case: the defaults of an enum with raw values compare and hash the
    // raw strings, and kinds are compared and looked up at every mention of every stage.
    public static func == (a: EntityKind, b: EntityKind) -> Bool { a.ordinal == b.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The case's number, and its bit in a set of kinds (see ``KindSet``).
    var ordinal: UInt8 {
        switch self {
        case .organization: return 0
        case .regulation: return 1
        case .person: return 2
        case .program: return 3
        }
    }
}

/// A set of entity kinds as one byte: which kinds a clause holds, asked of every cue frame.
struct KindSet {
    private var bits: UInt8 = 0

    init<S: Sequence>(_ kinds: S) where S.Element == EntityKind {
        for k in kinds { bits |= 1 << k.ordinal }
    }

    func contains(_ kind: EntityKind) -> Bool { bits & (1 << kind.ordinal) != 0 }
}

/// What recognised a mention: a rule of the lexicons, the tagger, or the trained entity scorer. The
/// raw value is the id `explain` prints (`organization.place-ending`).
public enum MentionRule: String, Sendable, CaseIterable {
    case organizationBareAfterBody = "organization.bare-after-body"
    case organizationBareAuthor = "organization.bare-author"
    case organizationBareDepartment = "organization.bare-department"
    case organizationBarePlace = "organization.bare-place"
    case organizationImpliedByPost = "organization.implied-by-post"
    case organizationInstitution = "organization.institution"
    case organizationInstitutionBody = "organization.institution-body"
    case organizationItsStandingCommittee = "organization.its-standing-committee"
    case organizationLearned = "organization.learned"
    case organizationListedPlace = "organization.listed-place"
    case organizationLocalOffice = "organization.local-office"
    case organizationNational = "organization.national"
    case organizationPartyGroupOfPost = "organization.party-group-of-post"
    case organizationPlaceEnding = "organization.place-ending"
    case organizationRegional = "organization.regional"
    case organizationStationed = "organization.stationed"
    case organizationSubBody = "organization.sub-body"
    case organizationTagger = "organization.tagger"
    case organizationUnresolvedLevel = "organization.unresolved-level"
    case personLearned = "person.learned"
    case personPostTitle = "person.post-title"
    case personTagger = "person.tagger"
    case programLearned = "program.learned"
    case programQuotedName = "program.quoted-name"
    case programQuotedNameList = "program.quoted-name-list"
    case programQuotedNameNoun = "program.quoted-name-noun"
    case regulationAfterCue = "regulation.after-cue"
    case regulationLearned = "regulation.learned"
    case regulationRevisedInTitle = "regulation.revised-in-title"
    case regulationTagger = "regulation.tagger"
    case regulationTitled = "regulation.titled"

    /// Only the statistical tagger proposed it.
    public var isTagger: Bool { self == .organizationTagger || self == .personTagger || self == .regulationTagger }
    /// The trained entity scorer chose a stretch no rule or tagger proposed as it stands.
    public var isLearned: Bool { self == .organizationLearned || self == .personLearned || self == .regulationLearned || self == .programLearned }
    /// The id without its class (`place-ending`), for features.
    public var shortName: Substring { rawValue.split(separator: ".").last ?? Substring(rawValue) }
}
