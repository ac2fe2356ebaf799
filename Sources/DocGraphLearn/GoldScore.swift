/// How a graph scores against gold: counts per class and per predicate, their totals, and the
/// items behind the errors, as `kgscore.py` reports them (its `--json` keys in parentheses).
public struct GoldScore: Sendable, Equatable {
    /// Every scored class (``GoldAnnotation/scoredClasses``), counted or not (`entities`).
    public var entities: [String: ScoreCounts]
    /// The scored predicates with any count (`relations`; kgscore leaves out the others).
    public var relations: [String: ScoreCounts]
    /// `entities.all`.
    public var allEntities: ScoreCounts
    /// `relations.all`.
    public var allRelations: ScoreCounts
    /// Required gold entities no node matched, as `Class:name` (`fn_entities`).
    public var falseNegativeEntities: [String] = []
    /// Nodes of a scored class that match no gold entity, as `Class:label` (`fp_entities`).
    public var falsePositiveEntities: [String] = []
    /// Nodes whose gold entities another node already matched: one entity split in two
    /// (`dup_entities`). Each also counts as a false positive.
    public var duplicateEntities: [String] = []
    /// Required gold relations no edge matched, as `subject -predicate-> object`, alternatives
    /// joined by `|` (`fn_relations`).
    public var falseNegativeRelations: [String] = []
    /// Edges that match no gold relation, as `label -predicate-> label` (`fp_relations`).
    public var falsePositiveRelations: [String] = []

    /// A score from its counts (the totals are their sums) and no error lists.
    public init(entities: [String: ScoreCounts], relations: [String: ScoreCounts]) {
        self.entities = entities
        self.relations = relations
        allEntities = entities.values.reduce(ScoreCounts(), +)
        allRelations = relations.values.reduce(ScoreCounts(), +)
    }

    /// The micro-average of several documents' scores: counts summed per class, per predicate and
    /// in all, error lists joined in the order given.
    public init(summing scores: some Sequence<GoldScore>) {
        var entities = Dictionary(uniqueKeysWithValues: GoldAnnotation.scoredClasses.map { ($0, ScoreCounts()) })
        var relations: [String: ScoreCounts] = [:]
        var lists: [[String]] = Array(repeating: [], count: 5)
        for s in scores {
            for (k, v) in s.entities { entities[k, default: ScoreCounts()] += v }
            for (k, v) in s.relations { relations[k, default: ScoreCounts()] += v }
            for (i, list) in s.errorLists.enumerated() { lists[i] += list }
        }
        self.init(entities: entities, relations: relations)
        (falseNegativeEntities, falsePositiveEntities, duplicateEntities, falseNegativeRelations, falsePositiveRelations)
            = (lists[0], lists[1], lists[2], lists[3], lists[4])
    }

    /// The classes in report order: the scored ones, then any other, by name.
    public var classOrder: [String] { Self.ordered(entities.keys, GoldAnnotation.scoredClasses) }
    /// The predicates with counts in report order: the scored ones' order, then any other, by name.
    public var predicateOrder: [String] { Self.ordered(relations.keys, GoldAnnotation.scoredPredicates) }

    /// The error lists with kgscore's names, in the order `--verbose` prints them.
    public var namedErrorLists: [(name: String, items: [String])] {
        zip(["fn_entities", "fp_entities", "dup_entities", "fn_relations", "fp_relations"], errorLists).map { ($0, $1) }
    }

    var errorLists: [[String]] {
        [falseNegativeEntities, falsePositiveEntities, duplicateEntities, falseNegativeRelations, falsePositiveRelations]
    }

    static func ordered(_ keys: some Collection<String>, _ known: [String]) -> [String] {
        known.filter(keys.contains) + keys.filter { !known.contains($0) }.sorted()
    }
}
