import DocGraphModel

/// What a picture of a graph shows: the entities and relations chosen by
/// focus, class, predicate and confidence, cut to a number of nodes a
/// reader can take in. Documents and evidence are never drawn; they are
/// the provenance of what is.
public struct DrawingSelection: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var id: Subject
        public var label: String
        /// The class's local name (`Organization`), or `Resource` for an untyped node.
        public var className: String
        /// Relations drawn at this node.
        public var degree: Int
    }

    public struct Edge: Sendable, Equatable {
        public var subject: Subject
        public var object: Subject
        /// The predicate's local name (`enacted`).
        public var relation: String
        public var role: String?
        public var confidence: Double
    }

    public struct Options: Sendable, Equatable {
        /// Draw only the neighbourhood of these names (label or alias).
        public var focus: String?
        /// Steps from the focus, either way along relations.
        public var depth: Int
        /// Only entities of these classes (local names, any case); empty draws all.
        public var types: [String]
        /// Only relations with these predicates (local names or IRIs); empty draws all.
        public var predicates: [String]
        public var minimumConfidence: Double
        /// At most this many nodes: those with the most relations, the focus always among them.
        public var maximumNodes: Int

        public init(focus: String? = nil, depth: Int = 1, types: [String] = [], predicates: [String] = [],
                    minimumConfidence: Double = 0, maximumNodes: Int = 300) {
            self.focus = focus
            self.depth = depth
            self.types = types
            self.predicates = predicates
            self.minimumConfidence = minimumConfidence
            self.maximumNodes = maximumNodes
        }
    }

    /// In label order, then by node, so the picture does not depend on the order of the graph's file.
    public var nodes: [Node]
    public var edges: [Edge]
    /// Entities the filters kept before the cap, and how many of them the cap left out.
    public var candidates: Int
    public var leftOut: Int
    /// The focus entities, when there is a focus.
    public var focus: [Subject]

    /// Chooses what to draw from `query`'s graph; a focus that names no entity is an error with the nearest names.
    public init(_ query: GraphQuery, _ options: Options) throws(GraphQuery.NoMatch) {
        let graph = query.graph
        let wantedTypes = Set(options.types.map { $0.lowercased() })
        func typeOK(_ s: Subject) -> Bool {
            wantedTypes.isEmpty || wantedTypes.contains(query.className(s).lowercased())
        }
        // Positions of the relations kept, in the graph's own order: only sets and counts come of them,
        // and the few edges drawn are sorted at the end. Positions, not copies of the relations.
        let all = graph.relations
        var kept: [Dictionary<RelationKey, Relation>.Index] = []
        var index = all.startIndex
        while index != all.endIndex {
            let r = all.values[index]
            if r.confidence >= options.minimumConfidence
                && (options.predicates.isEmpty || options.predicates.contains { GraphQuery.predicateMatches(r.predicate, $0) })
                && graph.entities.keys.contains(r.subject) && graph.entities.keys.contains(r.object)
                && typeOK(r.subject) && typeOK(r.object) {
                kept.append(index)
            }
            index = all.index(after: index)
        }
        var keep: Set<Subject>
        var focus: [Subject] = []
        if let name = options.focus {
            focus = try query.resolve(name)
            // Breadth first over the kept relations, either way.
            var adjacent: [Subject: [Subject]] = [:]
            for i in kept {
                let r = all.values[i]
                adjacent[r.subject, default: []].append(r.object)
                adjacent[r.object, default: []].append(r.subject)
            }
            keep = Set(focus)
            var frontier = focus
            for _ in 0..<max(options.depth, 0) {
                var next: [Subject] = []
                for node in frontier {
                    for other in adjacent[node] ?? [] where keep.insert(other).inserted { next.append(other) }
                }
                frontier = next
            }
            kept.removeAll { !keep.contains(all.values[$0].subject) || !keep.contains(all.values[$0].object) }
        } else {
            // Without a focus every entity of the classes asked for is a candidate, and the kept relations
            // already join two of them.
            keep = Set(graph.entities.keys.filter(typeOK))
        }
        var degree: [Subject: Int] = [:]
        for i in kept {
            degree[all.values[i].subject, default: 0] += 1
            degree[all.values[i].object, default: 0] += 1
        }
        candidates = keep.count
        // The cap keeps the focus, then the best-connected nodes; ties by label (in code-point order) and node, so the same
        // graph always gives the same picture. Only the nodes tied at the cut are sorted by label: a
        // full sort compared thousands of names to choose a few hundred.
        func best(_ nodes: [Subject], _ room: Int) -> [Subject] {
            guard nodes.count > room else { return nodes }
            guard room > 0 else { return [] }
            let degrees = nodes.map { degree[$0] ?? 0 }
            let cut = degrees.sorted()[degrees.count - room]  // the room-th highest
            let above = nodes.indices.filter { degrees[$0] > cut }.map { nodes[$0] }
            let tied = nodes.indices.filter { degrees[$0] == cut }.map { (node: nodes[$0], label: query.label(nodes[$0])) }
                // Code-point order: any fixed order will do to break the tie, and String's own `<`
                // (Unicode-aware) took most of the selection's time when thousands tie at the cut.
                .sorted { $0.label != $1.label ? CodePointString.less($0.label, $1.label) : $0.node < $1.node }
            return above + tied.prefix(room - above.count).map(\.node)
        }
        let cap = max(options.maximumNodes, 1)
        var drawn = keep
        if keep.count > cap {
            let focusSet = Set(focus)
            let chosenFocus = best(focus, cap)
            drawn = Set(chosenFocus + best(keep.filter { !focusSet.contains($0) }, cap - chosenFocus.count))
        }
        leftOut = keep.count - drawn.count
        edges = kept.filter { drawn.contains(all.values[$0].subject) && drawn.contains(all.values[$0].object) }.map { all.values[$0] }
            .sorted { $0.key < $1.key }.map {
                Edge(subject: $0.subject, object: $0.object, relation: $0.predicate.displayName, role: $0.role, confidence: $0.confidence)
            }
        var drawnDegree: [Subject: Int] = [:]
        for e in edges {
            drawnDegree[e.subject, default: 0] += 1
            drawnDegree[e.object, default: 0] += 1
        }
        nodes = drawn.map { Node(id: $0, label: query.label($0), className: query.className($0).isEmpty ? "Resource" : query.className($0),
                                 degree: drawnDegree[$0] ?? 0) }
            .sorted { $0.label != $1.label ? $0.label < $1.label : $0.id < $1.id }
        self.focus = focus.sorted()
    }
}
