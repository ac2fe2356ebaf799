import DocGraphTagger

extension Extractor {
    /// The tagger's names in `sentence` that no rule found, kept where the lexicons agree:
    /// a person's name of two to four Han characters led by a surname (or a transliterated
    /// name with ·), an organization whose name ends in a body's head word (局, 法院, 日报 …),
    /// a proper noun ending in a regulation's head noun (环境保护法) as a regulation.
    /// `next` walks the document's spans in order, so each sentence looks only at its own.
    func taggerMentions(_ doc: TextDocument, _ s: [Unicode.Scalar], _ tagged: TaggerReading, in sentence: Range<Int>,
                        orgs: OrganizationFinder, context: DocumentContext,
                        next: inout (persons: Int, organizations: Int, works: Int), besides found: [Mention]) -> [Mention] {
        var out: [Mention] = []
        func free(_ r: Range<Int>) -> Bool {
            !found.contains { $0.range.overlaps(r) } && !out.contains { $0.range.overlaps(r) } && !insideQuotes(r, s, sentence)
        }
        func spans(_ all: [TaggerReading.Span], _ cursor: inout Int) -> ArraySlice<TaggerReading.Span> {
            while cursor < all.count && all[cursor].range.lowerBound < sentence.lowerBound { cursor += 1 }
            var end = cursor
            while end < all.count && all[end].range.lowerBound < sentence.upperBound { end += 1 }
            defer { cursor = end }
            return all[cursor..<end]
        }
        var people = PersonFinder(organizations: orgs)
        people.tagged = tagged
        for span in spans(tagged.persons, &next.persons) where free(span.range) && isPersonName(s, span) {
            // The tagger's reading around the name decides it (see PersonFinder.taggerOnlyName).
            guard let range = people.taggerOnlyName(span, in: sentence), free(range) || range == span.range else { continue }
            let name = doc.text(range).filter { $0 != " " && $0 != "\u{3000}" }
            out.append(Mention(kind: .person, range: range, surface: name, canonical: name, rule: .personTagger,
                               taggerScore: span.score))
        }
        for span in spans(tagged.organizations, &next.organizations) where free(span.range) && span.range.count >= 3
            && Double(span.score) >= rules.policy.taggerOrganizationMinimumScore
            && span.range.count <= 40 && index.organizationHeads.longest(endingAt: span.range.upperBound, in: s, lowerBound: span.range.lowerBound) != nil
            && !s[span.range].contains(where: { "、，,。；;：:“”\"".unicodeScalars.contains($0) }) {
            let name = doc.text(span.range)
            var m = Mention(kind: .organization, range: span.range, surface: name, canonical: name, rule: .organizationTagger,
                            taggerScore: span.score)
            // Where a level word is part of a plural (和区党委) the span names no one body.
            if let level = index.levelWords.first(where: { w in s[span.range].starts(with: w.word) }),
               orgs.levelWord(endingAt: span.range.lowerBound + level.word.count, lowerBound: sentence.lowerBound) == nil { continue }
            if let resolved = resolvingLevelWord(doc, s, span.range, orgs: orgs, context: context) {
                m.canonical = resolved
                m.aliases = [name]
            }
            out.append(m)
        }
        for span in spans(tagged.works, &next.works) where free(span.range) && span.range.count >= 4
            && index.regulationHeads.contains(where: { LexiconIndex.word($0, endsAt: span.range.upperBound, in: s, lowerBound: span.range.lowerBound) }) {
            let name = doc.text(span.range)
            out.append(Mention(kind: .regulation, range: span.range, surface: name, canonical: name, rule: .regulationTagger,
                               taggerScore: span.score))
        }
        return out
    }

    /// 市城管局: a level word at the start of a body's name stands for the document's place, as in the
    /// rules' names: the name with the place written out, or nil when it starts with none or the place is unknown.
    func resolvingLevelWord(_ doc: TextDocument, _ s: [Unicode.Scalar], _ range: Range<Int>, orgs: OrganizationFinder,
                            context: DocumentContext) -> String? {
        guard let level = index.levelWords.first(where: { w in s[range].starts(with: w.word) }),
              orgs.levelWord(endingAt: range.lowerBound + level.word.count, lowerBound: range.lowerBound) != nil,
              let place = context.place(forLevelWord: String(scalars: level.word), level: level.level, rules: rules) else { return nil }
        return place + doc.text((range.lowerBound + level.word.count)..<range.upperBound)
    }

    /// A person's name as the lexicons know names: two to four Han characters led by a surname,
    /// or a transliterated name (阿卜杜·热合曼) with a middle dot.
    func isPersonName(_ s: [Unicode.Scalar], _ span: TaggerReading.Span) -> Bool {
        let name = s[span.range].filter { $0 != " " && $0 != "\u{3000}" }
        // 郑书记: a surname and a post title refer to a person named in full elsewhere.
        if index.titlesByFirst.values.contains(where: { $0.contains { t in name.count > t.word.count && name.suffix(t.word.count).elementsEqual(t.word) } }) { return false }
        if name.contains(where: { "·•‧・".unicodeScalars.contains($0) }) {
            return name.count <= 16 && span.score >= 0.8
        }
        guard (2...4).contains(name.count), name.allSatisfy(PersonFinder.isHan) else { return false }
        let first = Array(name.prefix(2))
        let compound = first.count == 2 && index.compoundSurnames.contains(LexiconIndex.pair(first[0], first[1]))
        return compound || index.singleSurnames.contains(name[name.startIndex])
    }

    /// Whether `r` lies inside “…” or 《…》 within the sentence (a quoted slogan is no one's name).
    func insideQuotes(_ r: Range<Int>, _ s: [Unicode.Scalar], _ sentence: Range<Int>) -> Bool {
        var depth = 0
        for k in sentence.lowerBound..<r.lowerBound {
            switch s[k] {
            case "“", "《", "「": depth += 1
            case "”", "》", "」": depth = max(0, depth - 1)
            default: break
            }
        }
        return depth > 0
    }
}
