import DocGraphModel

extension DocumentReading {
    /// The relations the rules read, for extraction without a trained model: each post the
    /// person finder read, and every cue frame of `rules/relation-frames.tsv` on every clause.
    mutating func ruleRelations() {
        for edge in ruleEdges() { apply(edge) }
    }

    /// The edges the rules read, decided before any is added: reading the document and changing
    /// it are two steps, so the reading is never copied to be read while it changes.
    func ruleEdges() -> [DecidedEdge] {
        let policy = extractor.rules.policy
        var out: [DecidedEdge] = []
        for reading in readings {
            for post in reading.posts {
                guard let org = post.organization else { continue }
                let confirmed = post.person.taggerScore != nil
                out.append(DecidedEdge(subject: post.person, predicate: DG.term("holdsPosition"), object: org, role: post.role,
                                       sentence: reading.range, subjectRange: post.person.range, objectRange: org.range,
                                       rule: Extractor.postTitleRule + (confirmed ? Extractor.confirmedByTagger : ""),
                                       confidence: confirmed ? policy.confirmedPostTitleConfidence : policy.postTitleConfidence,
                                       collects: [org]))
            }
            for match in frameMatches(reading) {
                let frame = extractor.rules.frames[match.frame]
                out.append(DecidedEdge(subject: match.subject, predicate: frame.predicate, object: match.object, role: nil,
                                       sentence: reading.range, subjectRange: match.subjectIsAuthor ? nil : match.subject.range,
                                       objectRange: match.object.range,
                                       rule: frame.rule + (match.taggerOnly ? Extractor.foundByTaggerOnly : ""),
                                       confidence: match.taggerOnly ? frame.confidence * policy.taggerOnlyFactor : frame.confidence,
                                       collects: []))
            }
        }
        return out
    }

    /// A cue frame's reading of one pair of mentions (or the author and a mention).
    struct FrameMatch {
        /// The frame's index in the rules' frames.
        var frame: Int
        var subject: Mention
        var object: Mention
        var subjectIsAuthor: Bool
        var objectIsAuthor: Bool
        var taggerOnly: Bool { subject.source == "tagger" || object.source == "tagger" }
    }

    /// Every cue frame's matches in the clauses of one sentence.
    func frameMatches(_ reading: SentenceMentions) -> [FrameMatch] {
        let mentions = reading.mentions
        guard !mentions.isEmpty else { return [] }
        let clauses = SentenceSplitter.clauses(s, in: reading.range)
        let opensWithPerson = mentions[0].kind == .person && clauses.first?.contains(mentions[0].range.lowerBound) == true
        var out: [FrameMatch] = []
        var m = 0   // mentions are in order: each clause takes the next run of them
        for clause in clauses {
            while m < mentions.count && mentions[m].range.lowerBound < clause.lowerBound { m += 1 }
            var inClause: [Mention] = []
            var k = m
            while k < mentions.count && mentions[k].range.lowerBound < clause.upperBound {
                if mentions[k].range.upperBound <= clause.upperBound { inClause.append(mentions[k]) }
                k += 1
            }
            out += frameMatches(clause: clause, mentions: inClause, sentenceOpensWithPerson: opensWithPerson)
        }
        return out
    }

    /// Mentions grouped into lists of the same kind, in order.
    func lists(_ mentions: [Mention]) -> [[Mention]] {
        var out: [[Mention]] = []
        for m in mentions {
            if let last = out.last?.last, last.kind == m.kind,
               s[last.range.upperBound..<m.range.lowerBound].allSatisfy(Extractor.isListJoiner) {
                out[out.count - 1].append(m)
            } else {
                out.append([m])
            }
        }
        return out
    }

    /// Applies every cue frame to one clause. A list of mentions stands as
    /// one placeholder, and a relation is drawn for each of its members.
    func frameMatches(clause: Range<Int>, mentions: [Mention], sentenceOpensWithPerson: Bool) -> [FrameMatch] {
        guard !mentions.isEmpty else { return [] }
        let author = context.author
        let groups = lists(mentions)
        // The clause with each list of mentions replaced by its placeholder.
        var shadow: [Unicode.Scalar] = []
        shadow.reserveCapacity(clause.count)
        var slotGroup: [Int: Int] = [:]   // shadow offset → index in groups
        var k = clause.lowerBound
        var gi = 0
        while k < clause.upperBound {
            if gi < groups.count, let first = groups[gi].first, first.range.lowerBound == k, let last = groups[gi].last {
                slotGroup[shadow.count] = gi
                shadow.append(RelationFrame.placeholder(forKind: first.kind))
                k = last.range.upperBound
                gi += 1
            } else {
                shadow.append(s[k])
                k += 1
            }
        }
        var out: [FrameMatch] = []
        var text: String?   // built for the first frame whose cue words the clause holds
        let present = KindSet(mentions.map(\.kind))
        let frames = extractor.rules.frames
        let cueStarts = extractor.index.frameCueStarts
        let cuePositions = shadow.indices.filter { cueStarts.contains(shadow[$0]) }
        for index in frames.indices where frames[index].slotKinds.allSatisfy(present.contains) && frames[index].mayMatch(shadow, at: cuePositions) {
            let frame = frames[index]
            if text == nil { text = String(scalars: shadow) }
            for match in frame.matches(in: text ?? "") {
                func resolve(_ role: RelationFrame.Role) -> [Mention] {
                    switch role {
                    case .author: return author.map { [$0] } ?? []
                    case .slot(let n): return slotGroup[match.slots[n - 1]].map { groups[$0] } ?? []
                    }
                }
                if frame.subject == .author {
                    if extractor.index.assistingWords.contains(where: { LexiconIndex.occurs($0, in: shadow[..<match.start]) }) { continue }
                    // A person named earlier in the sentence is the one acting, not the author.
                    if sentenceOpensWithPerson { continue }
                    // (match.start counts in the shadow text, where a list is one placeholder.)
                    if let firstSlot = slotGroup.keys.min(), firstSlot < match.start,
                       slotGroup[firstSlot].map({ groups[$0][0].kind }) == .person { continue }
                }
                for subject in resolve(frame.subject) {
                    for object in resolve(frame.object) {
                        out.append(FrameMatch(frame: index, subject: subject, object: object,
                                              subjectIsAuthor: frame.subject == .author, objectIsAuthor: frame.object == .author))
                    }
                }
            }
        }
        return out
    }
}
