/// One document's hand annotation in the gold format of `Ontology/ANNOTATION.md`:
/// the entities it names and the relations it states.
public struct GoldAnnotation: Sendable, Equatable {
    public struct Entity: Sendable, Equatable {
        public var id: String
        /// The class local name (`Organization`, `Person`, `Regulation`, `Program`).
        public var type: String
        public var name: String
        public var aliases: [String]
        /// Neither rewarded nor penalised when scored.
        public var optional: Bool

        public init(id: String, type: String, name: String, aliases: [String] = [], optional: Bool = false) {
            self.id = id
            self.type = type
            self.name = name
            self.aliases = aliases
            self.optional = optional
        }
    }

    public struct Relation: Sendable, Equatable {
        /// The ids the subject may be (one, or alternatives).
        public var subject: [String]
        public var predicate: String
        public var object: [String]
        public var optional: Bool
        /// The post of a `holdsPosition` relation as written (`市委书记`); the scorer does not read it.
        public var role: String?

        public init(subject: [String], predicate: String, object: [String], optional: Bool = false, role: String? = nil) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
            self.optional = optional
            self.role = role
        }
    }

    public var entities: [Entity]
    public var relations: [Relation]
    /// The id of the entity that wrote the document, when the annotator named it.
    public var author: String?
    public var genre: String?
    public var source: String?

    public init(entities: [Entity], relations: [Relation], author: String? = nil, genre: String? = nil, source: String? = nil) {
        self.entities = entities
        self.relations = relations
        self.author = author
        self.genre = genre
        self.source = source
    }

    // The names below are the scoring contract of ONTOLOGY.md, fixed there and in kgscore.py rather
    // than read from Ontology/: a gold file scored against another list would not be comparable.

    /// The classes the scorer counts, in the order it reports them.
    public static let scoredClasses = ["Organization", "Regulation", "Person", "Program"]
    /// Classes a gold entity may have that are never counted.
    public static let unscoredClasses = ["Document", "Location", "Event"]
    /// The predicates the scorer counts, in the order it reports them.
    public static let scoredPredicates = ["enacted", "amended", "inspected", "organized", "participatedIn",
                                          "holdsPosition", "collaboratedWith", "oversees", "reportsTo", "leads", "partOf"]
    /// Predicates whose relation holds in both directions.
    public static let symmetricPredicates: Set<String> = ["collaboratedWith"]
}
