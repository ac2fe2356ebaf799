import DocGraphLearn
import DocGraphModel

extension DocumentReading {
    /// The relation of each candidate pair as the trained scorer decides it: the most likely
    /// label, drawn as an edge when it is a relation at least as likely as its calibrated threshold
    /// (never below `model.relation.threshold` of `rules/policy.tsv`).
    /// With `explaining`, every decision is kept in `decisions` with the features behind it.
    mutating func learnedRelations(_ model: ExtractionModel, explaining: Bool = false) {
        let (edges, decided) = learnedEdges(model, explaining: explaining)
        decisions += decided
        for edge in edges { apply(edge) }
        mergePostRoles()
    }

    /// The edges the trained scorer draws, decided before any is added (see ``ruleEdges()``).
    func learnedEdges(_ model: ExtractionModel, explaining: Bool) -> (edges: [DecidedEdge], decisions: [Extractor.RelationDecision]) {
        let labels = model.relations.labels
        var edges: [DecidedEdge] = []
        var decisions: [Extractor.RelationDecision] = []
        struct Post: Hashable { var person: Range<Int>, title: Range<Int> }
        for (k, reading) in readings.enumerated() {
            let scored = candidates(reading, sentenceIndex: k, keepNames: explaining).map { c in
                let allowed = RelationLabels.allowed(c, in: labels)
                let p = model.relations.probabilities(c.features.hashes, allowed: allowed)
                let best = allowed.max(by: { (p[$0], $1) < (p[$1], $0) })
                let drawn = best.map { labels[$0] != RelationLabels.none && p[$0] >= model.threshold(labels[$0], floor: extractor.rules.policy.relationThreshold) } ?? false
                return (c, p, best, drawn)
            }
            // A title written right after a body's name (村委会主任) is a post of that body once it is
            // drawn: not of the author, nor of a body the title implies.
            var postsOfNamedBodies: Set<Post> = []
            for (c, _, _, drawn) in scored where drawn && c.bodyNamedByTitle {
                if let title = c.title { postsOfNamedBodies.insert(Post(person: c.subject.range, title: title)) }
            }
            for (c, p, best, drawnByScore) in scored {
                guard let best else { continue }
                let label = labels[best]
                let claimed = (c.objectIsAuthor || c.object.rule == .organizationImpliedByPost)
                    && c.title.map { postsOfNamedBodies.contains(Post(person: c.subject.range, title: $0)) } == true
                // A body does not collaborate with a body inside it (中国科学院 and its 研究所): that is partOf.
                let nested = label == "collaboratedWith" && (c.object.parent.contains { $0.canonical == c.subject.canonical }
                    || c.subject.parent.contains { $0.canonical == c.object.canonical })
                let drawn = drawnByScore && !claimed && !nested
                if explaining {
                    decisions.append(Extractor.RelationDecision(
                        subject: c.subjectIsAuthor ? "author " + c.subject.canonical
                            : c.subject.surface + (c.followers.isEmpty ? "" : " (and the \(c.followers.count) listed with it)"),
                        object: c.objectIsAuthor ? "author " + c.object.canonical : c.object.surface,
                        label: label, probability: p[best], drawn: drawn, sentence: reading.range,
                        weighed: Array(model.relations.contributions(c.features, label: best).prefix(6))))
                }
                guard drawn else { continue }
                var collects: [Mention] = []
                if c.subjectIsAuthor || c.objectIsAuthor, let author = context.author { collects.append(author) }
                if c.object.rule == .organizationImpliedByPost { collects.append(c.object) }
                for subject in [c.subject] + c.followers {
                    edges.append(DecidedEdge(subject: subject, predicate: DG.term(label), object: c.object,
                                             role: label == "holdsPosition" ? c.role : nil, sentence: reading.range,
                                             subjectRange: c.subjectIsAuthor ? nil : subject.range,
                                             objectRange: c.objectIsAuthor ? nil : c.object.range,
                                             rule: Extractor.learnedRule + label, confidence: (p[best] * 100).rounded() / 100,
                                             collects: collects))
                }
            }
        }
        return (edges, decisions)
    }

    /// One post per person and body: the evidence of every sentence that states it, under the
    /// longest role written (市委书记 rather than 书记, or none).
    mutating func mergePostRoles() {
        let holds = DG.term("holdsPosition")
        var merged: [Relation] = []
        var groups: [[Relation]] = []
        var byPair: [Subject: [Subject: Int]] = [:]
        for r in relations {
            guard r.predicate == holds else { merged.append(r); continue }
            if let k = byPair[r.subject]?[r.object] {
                groups[k].append(r)
            } else {
                byPair[r.subject, default: [:]][r.object] = groups.count
                groups.append([r])
            }
        }
        for group in groups {
            guard let first = group.first, group.count > 1 else { merged += group; continue }
            let role = group.compactMap(\.role).max { ($0.count, $1) < ($1.count, $0) }
            var joined = Relation(subject: first.subject, predicate: holds, object: first.object, role: role, confidence: 0)
            for r in group { joined.absorb(r) }
            merged.append(joined)
        }
        relations = merged
    }
}
