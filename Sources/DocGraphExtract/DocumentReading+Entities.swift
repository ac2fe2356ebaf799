import DocGraphLearn

/// The entity tagger's labels: BIO tags of the four scored classes.
enum EntityLabels {
    static let kinds: [(tag: String, kind: String)] = [("ORG", "Organization"), ("PER", "Person"), ("REG", "Regulation"), ("PROG", "Program")]
    static let all: [String] = ["O"] + kinds.flatMap { ["B-" + $0.tag, "I-" + $0.tag] }

    static func kind(ofTag tag: String) -> String? { kinds.first { $0.tag == tag }?.kind }
    static func tag(ofKind kind: String) -> String? { kinds.first { $0.kind == kind }?.tag }
}

extension DocumentReading {
    /// The names the trained entity tagger keeps in each sentence, in place of the rules' choice
    /// among overlapping proposals: a span a rule or the tagger proposed keeps that mention
    /// (its canonical name, its parent body); a span only the entity tagger found is named as written.
    mutating func decideEntities(_ tagger: SequenceTagger) {
        let spans = taggerSpans()
        for k in readings.indices {
            let features = entityFeatures(readings[k], spans: spans, keepNames: false)
            let tags = tagger.decode(features.map(\.hashes))
            let start = readings[k].range.lowerBound
            readings[k].mentions = tagger.spans(tags).compactMap { span in
                EntityLabels.kind(ofTag: span.kind).flatMap { kind in
                    mention((start + span.range.lowerBound)..<(start + span.range.upperBound), kind: kind, in: readings[k])
                }
            }
        }
    }

    /// The mention a decided span is: a proposal of that span and class, else one named from the text.
    func mention(_ range: Range<Int>, kind: String, in reading: SentenceMentions) -> Mention? {
        if let m = reading.candidates.first(where: { $0.range == range && $0.kind == kind }) { return m }
        let surface = doc.text(range)
        let bare = surface.filter { $0 != " " && $0 != "\u{3000}" }
        guard !bare.isEmpty else { return nil }
        switch kind {
        case "Organization":
            var m = Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: "organization.learned")
            if let resolved = extractor.resolvingLevelWord(doc, s, range, orgs: orgs, context: context) {
                m.canonical = resolved
                m.aliases = [surface]
            }
            return m
        case "Person":
            return Mention(kind: kind, range: range, surface: bare, canonical: bare, rule: "person.learned")
        case "Regulation":
            var m = Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: "regulation.learned")
            if surface.hasPrefix("《"), surface.hasSuffix("》"), surface.count > 2 { m.aliases = [String(surface.dropFirst().dropLast())] }
            return m
        default:
            // “X”活动 is the program X, as the rules name quoted programs.
            let u = Array(surface.unicodeScalars)
            if let open = u.first, let close = ProgramFinder.closingQuote(of: open), let end = u.dropFirst().firstIndex(of: close), end > 1 {
                let name = String(scalars: u[1..<end])
                let rest = String(scalars: u[(end + 1)...])
                return Mention(kind: kind, range: range, surface: surface, canonical: name, aliases: rest.isEmpty ? [] : [name + rest],
                               rule: "program.learned")
            }
            return Mention(kind: kind, range: range, surface: surface, canonical: surface, rule: "program.learned")
        }
    }

    /// The gold annotation's names as spans of one sentence, for training the entity tagger: every
    /// written form of every entity, the longest first where two overlap.
    func goldSpans(_ reading: SentenceMentions, forms: [(form: [Unicode.Scalar], kind: String)]) -> [(range: Range<Int>, kind: String)] {
        let r = reading.range
        var found: [(range: Range<Int>, kind: String)] = []
        for (form, kind) in forms where form.count <= r.count {
            guard let first = form.first else { continue }
            var i = r.lowerBound
            while i + form.count <= r.upperBound {
                if s[i] == first, s[i..<(i + form.count)].elementsEqual(form) { found.append((i..<(i + form.count), kind)) }
                i += 1
            }
        }
        found.sort { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
        var kept: [(range: Range<Int>, kind: String)] = []
        for f in found where !kept.contains(where: { $0.range.overlaps(f.range) }) { kept.append(f) }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The BIO label of each character of a sentence, from its gold spans.
    func goldLabels(_ reading: SentenceMentions, spans: [(range: Range<Int>, kind: String)], labels: [String]) -> [Int] {
        var out = [Int](repeating: 0, count: reading.range.count)
        for span in spans {
            guard let tag = EntityLabels.tag(ofKind: span.kind), let b = labels.firstIndex(of: "B-" + tag),
                  let inside = labels.firstIndex(of: "I-" + tag) else { continue }
            for k in span.range { out[k - reading.range.lowerBound] = k == span.range.lowerBound ? b : inside }
        }
        return out
    }
}
