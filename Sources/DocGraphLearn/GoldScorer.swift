import DocGraphModel
import Foundation

/// Scores a graph against a gold annotation: the exact port of `score` in the reference scorer
/// (`Tests/Fixtures/tools/kgscore.py`), so that a number printed by `docgraph evaluate` is the
/// number kgscore.py prints for the GraphML that `docgraph extract` writes.
///
/// - An entity matches by class and by any surface form (label or alias) after ``normalized(_:)``.
///   A node takes the first required gold entity (in gold order) that no earlier node took: a true
///   positive. A node whose gold entities were all taken is a duplicate (one entity split in two)
///   and a false positive; a node that matches only optional gold is not counted; any other node
///   of a scored class is a false positive.
/// - A relation matches by predicate and by the gold entities its ends resolve to (any of a gold
///   end's alternatives; either direction for `collaboratedWith`). An edge that matches a required
///   gold relation counts it once; an edge that matches only optional ones is not counted.
///
/// Results depend on the order nodes are seen, so graphs are seen as the GraphML writer writes
/// them (``nodesAndEdges(of:)``).
public enum GoldScorer {
    /// A node as the GraphML export carries it: the `type`, `label` and `aliases` data (missing
    /// data as nil, aliases joined by `|`).
    public struct Node: Sendable, Equatable {
        /// The node's id, unique among the nodes (`n1`).
        public var id: String
        /// The class local name (`Organization`).
        public var type: String?
        /// The canonical name.
        public var label: String?
        /// Every other name, joined by `|`.
        public var aliases: String?

        /// A node with these data.
        public init(id: String, type: String?, label: String?, aliases: String? = nil) {
            self.id = id
            self.type = type
            self.label = label
            self.aliases = aliases
        }
    }

    /// An edge as the GraphML export carries it: its ends' node ids and its `relation` data.
    public struct Edge: Sendable, Equatable {
        /// The subject's node id.
        public var source: String
        /// The object's node id.
        public var target: String
        /// The predicate local name (`enacted`).
        public var relation: String?

        /// An edge between two node ids.
        public init(source: String, target: String, relation: String?) {
            self.source = source
            self.target = target
            self.relation = relation
        }
    }

    /// Scores `graph` against `gold`.
    public static func score(_ graph: KnowledgeGraph, against gold: GoldAnnotation) -> GoldScore {
        let (nodes, edges) = nodesAndEdges(of: graph)
        return score(nodes: nodes, edges: edges, against: gold)
    }

    /// The characters matching ignores (quotes, brackets of titles, white space), as kgscore's `STRIP`.
    static let ignored: Set<Unicode.Scalar> = Set("“”‘’\"'「」『』《》〈〉 \t\r\n\u{3000}".unicodeScalars)

    /// A surface form as matching sees it: NFKC, then without quotes, title brackets and white space.
    public static func normalized(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.precomposedStringWithCompatibilityMapping.unicodeScalars where !ignored.contains(u) { out.append(u) }
        return String(out)
    }

    /// Scores nodes and edges, seen in the order given, against `gold`. Node ids are unique, as in
    /// a GraphML file (a repeated id keeps its first place and its last data, as kgscore's
    /// dictionary does).
    public static func score(nodes givenNodes: [Node], edges: [Edge], against gold: GoldAnnotation) -> GoldScore {
        // Node ids and gold ids compare by code points, as Python's strings do.
        var nodeIndex: [CodePointKey: Int] = [:]
        var nodes: [Node] = []
        for n in givenNodes {
            if let i = nodeIndex[CodePointKey(n.id)] { nodes[i] = n } else { nodeIndex[CodePointKey(n.id)] = nodes.count; nodes.append(n) }
        }
        let gents = gold.entities
        var goldIndex: [CodePointKey: Int] = [:]
        for (i, e) in gents.enumerated() where goldIndex[CodePointKey(e.id)] == nil { goldIndex[CodePointKey(e.id)] = i }
        let forms: [Set<CodePointKey>] = gents.map { e in
            Set(([e.name] + e.aliases).map { CodePointKey(normalized($0)) })
        }
        let scoredClasses = GoldAnnotation.scoredClasses

        var matched = Set<Int>()                 // gold entities a node took
        var nodeGold: [[Int]] = []               // per node: the gold entities it resolves to
        var tp: [String: Int] = [:], fp: [String: Int] = [:]
        var dup: [String] = [], fpEntities: [String] = []
        for d in nodes {
            let cls = d.type ?? ""
            var names = Set([CodePointKey(normalized(d.label ?? ""))])
            for a in (d.aliases ?? "").split(separator: "|", omittingEmptySubsequences: false) { names.insert(CodePointKey(normalized(String(a)))) }
            names.remove(CodePointKey(""))
            let cands = gents.indices.filter { CodePointString.equal(gents[$0].type, cls) && !forms[$0].isDisjoint(with: names) }
            nodeGold.append(cands)
            guard scoredClasses.contains(cls) else { continue }
            let req = cands.filter { !gents[$0].optional }
            if let free = req.first(where: { !matched.contains($0) }) {
                matched.insert(free)
                tp[cls, default: 0] += 1
            } else if !req.isEmpty {
                fp[cls, default: 0] += 1
                dup.append("\(cls):\(d.label ?? "None")")
            } else if cands.isEmpty {
                fp[cls, default: 0] += 1
                fpEntities.append("\(cls):\(d.label ?? "None")")
            }
        }
        var fn: [String: Int] = [:]
        var fnEntities: [String] = []
        // kgscore stops on a required gold entity of an unscored class (a KeyError); here it is
        // simply not counted, as the class is not.
        for (i, e) in gents.enumerated() where !e.optional && !matched.contains(i) && scoredClasses.contains(e.type) {
            fn[e.type, default: 0] += 1
            fnEntities.append("\(e.type):\(e.name)")
        }
        var entityCounts: [String: ScoreCounts] = [:]
        for c in scoredClasses { entityCounts[c] = ScoreCounts(tp: tp[c, default: 0], fp: fp[c, default: 0], fn: fn[c, default: 0]) }

        let grels = gold.relations
        let ends: [(subject: Set<Int>, object: Set<Int>)] = grels.map { r in
            (Set(r.subject.compactMap { goldIndex[CodePointKey($0)] }), Set(r.object.compactMap { goldIndex[CodePointKey($0)] }))
        }
        var hit = Set<Int>()
        var rtp: [String: Int] = [:], rfp: [String: Int] = [:]
        var fpRelations: [String] = []
        let scoredPredicates = GoldAnnotation.scoredPredicates
        for edge in edges {
            let p = edge.relation ?? ""
            guard scoredPredicates.contains(p) else { continue }
            let s = nodeIndex[CodePointKey(edge.source)], t = nodeIndex[CodePointKey(edge.target)]
            let S = Set(s.map { nodeGold[$0] } ?? []), O = Set(t.map { nodeGold[$0] } ?? [])
            var foundRequired: Int?
            var foundOptional = false
            for (i, r) in grels.enumerated() where r.predicate == p {
                let (rs, ro) = ends[i]
                let ok = (!S.isDisjoint(with: rs) && !O.isDisjoint(with: ro))
                    || (GoldAnnotation.symmetricPredicates.contains(p) && !S.isDisjoint(with: ro) && !O.isDisjoint(with: rs))
                guard ok else { continue }
                if r.optional { foundOptional = true } else if foundRequired == nil { foundRequired = i }
            }
            if let i = foundRequired {
                if hit.insert(i).inserted { rtp[p, default: 0] += 1 }
            } else if !foundOptional {
                rfp[p, default: 0] += 1
                func label(_ index: Int?, _ id: String) -> String { index.flatMap { nodes[$0].label } ?? id }
                fpRelations.append("\(label(s, edge.source)) -\(p)-> \(label(t, edge.target))")
            }
        }
        var rfn: [String: Int] = [:]
        var fnRelations: [String] = []
        for (i, r) in grels.enumerated() where !r.optional && !hit.contains(i) {
            rfn[r.predicate, default: 0] += 1
            func names(_ ids: [String]) -> String {
                Set(ids.map(CodePointKey.init)).sorted().map { goldIndex[$0].map { gents[$0].name } ?? $0.string }.joined(separator: "|")
            }
            fnRelations.append("\(names(r.subject)) -\(r.predicate)-> \(names(r.object))")
        }
        var relationCounts: [String: ScoreCounts] = [:]
        for p in scoredPredicates {
            let c = ScoreCounts(tp: rtp[p, default: 0], fp: rfp[p, default: 0], fn: rfn[p, default: 0])
            if !c.isEmpty { relationCounts[p] = c }
        }

        var score = GoldScore(entities: entityCounts, relations: relationCounts)
        score.falseNegativeEntities = fnEntities
        score.falsePositiveEntities = fpEntities
        score.duplicateEntities = dup
        score.falseNegativeRelations = fnRelations
        score.falsePositiveRelations = fpRelations
        return score
    }
}
