import DocGraphLearn

extension DocumentReading {
    /// The names the trained entity scorer keeps in each sentence, in place of the rules' choice
    /// among overlapping proposals: every candidate stretch gets its most likely class, those at
    /// least `threshold` likely are kept, the likeliest first where two overlap. A stretch a rule
    /// or the tagger proposed as that class keeps that mention (its canonical name, its parent
    /// body); one only the scorer chose is named as written.
    mutating func decideEntities(_ scorer: LinearClassifier, threshold: Double) {
        let spans = taggerSpans()
        let allowed = Array(scorer.labels.indices)
        for k in readings.indices {
            var chosen: [(p: Double, range: Range<Int>, kind: EntityKind)] = []
            for c in entityCandidates(readings[k], spans: spans, keepNames: false) {
                let p = scorer.probabilities(c.features.hashes, allowed: allowed)
                guard let best = allowed.max(by: { (p[$0], $1) < (p[$1], $0) }), let kind = EntityKind(rawValue: scorer.labels[best]),
                      p[best] >= threshold else { continue }
                chosen.append((p[best], c.range, kind))
            }
            chosen.sort { ($0.p, $0.range.count, -$0.range.lowerBound) > ($1.p, $1.range.count, -$1.range.lowerBound) }
            var kept: [Mention] = []
            for c in chosen where !kept.contains(where: { $0.range.overlaps(c.range) }) {
                if let m = mention(c.range, kind: c.kind, in: readings[k]) { kept.append(m) }
            }
            readings[k].mentions = kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// The tagger's proposed names in the document by their first scalar: class, end and score.
    func taggerSpans() -> [Int: (kind: String, end: Int, score: Float)] {
        var out: [Int: (kind: String, end: Int, score: Float)] = [:]
        for s in people.tagged.works { out[s.range.lowerBound] = ("nz", s.range.upperBound, s.score) }
        for s in people.tagged.organizations { out[s.range.lowerBound] = ("ORG", s.range.upperBound, s.score) }
        for s in people.tagged.persons { out[s.range.lowerBound] = ("PER", s.range.upperBound, s.score) }
        return out
    }

    /// The mention a decided stretch is: a proposal of that stretch and class, else one named from the text.
    func mention(_ range: Range<Int>, kind: EntityKind, in reading: SentenceMentions) -> Mention? {
        if let m = reading.candidates.first(where: { $0.range == range && $0.kind == kind }) { return m }
        let surface = doc.text(range)
        let bare = surface.filter { $0 != " " && $0 != "\u{3000}" }
        guard !bare.isEmpty else { return nil }
        switch kind {
        case .organization:
            var m = Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: .organizationLearned)
            if let resolved = extractor.resolvingLevelWord(doc, s, range, orgs: orgs, context: context) {
                m.canonical = resolved
                m.aliases = [surface]
            }
            return m
        case .person:
            return Mention(kind: kind, range: range, surface: bare, canonical: bare, rule: .personLearned)
        case .regulation:
            var m = Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: .regulationLearned)
            if surface.hasPrefix("《"), surface.hasSuffix("》"), surface.count > 2 { m.aliases = [String(surface.dropFirst().dropLast())] }
            return m
        case .program:
            // “X”活动 is the program X, as the rules name quoted programs.
            let u = Array(surface.unicodeScalars)
            if let open = u.first, let close = ProgramFinder.closingQuote(of: open), let end = u.dropFirst().firstIndex(of: close), end > 1 {
                let name = String(scalars: u[1..<end])
                let rest = String(scalars: u[(end + 1)...])
                return Mention(kind: kind, range: range, surface: surface, canonical: name, aliases: rest.isEmpty ? [] : [name + rest],
                               rule: .programLearned)
            }
            return Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: .programLearned)
        }
    }

    /// The class the gold annotation gives a candidate stretch: the first class one of whose
    /// entities goes by a name the stretch would get as a mention of that class.
    func goldKind(_ c: EntityCandidate, in reading: SentenceMentions, matcher: GoldMatcher) -> String {
        for kind in EntityLabels.kinds {
            var names: [String] = []
            for m in c.proposed where m.kind == kind { names += [m.surface, m.canonical] + m.aliases }
            if let m = mention(c.range, kind: kind, in: reading) { names += [m.surface, m.canonical] + m.aliases }
            if !matcher.ids(of: names, kind: kind.rawValue, isAuthor: false).isEmpty { return kind.rawValue }
        }
        return EntityLabels.none
    }
}
