import DocGraphModel
import DocGraphOntology

/// Turns one document into a graph with the rules of an `Ontology/` folder.
///
/// This first extractor reads the author from the title and the
/// regulations named in 《…》, with the relations that cue words tie
/// between them; every edge keeps its sentence, offsets and rule.
public struct Extractor: Sendable {
    public let rules: ExtractionRules

    public init(rules: ExtractionRules) { self.rules = rules }

    var organization: IRI { DG.term("Organization") }
    var regulation: IRI { DG.term("Regulation") }

    public func extract(_ doc: TextDocument) -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.add(doc.document)
        let author = doc.title.flatMap(author(inTitle:)).map {
            Entity(type: organization, label: $0, documents: [doc.id])
        }
        if let author { graph.add(author) }
        let s = doc.scalars
        for sentence in SentenceSplitter.split(s) {
            for clause in SentenceSplitter.clauses(s, in: sentence) {
                for title in regulationTitles(s, in: clause) {
                    let name = doc.text(title)
                    let entity = Entity(type: regulation, label: "《\(name)》", aliases: [name], documents: [doc.id])
                    graph.add(entity)
                    guard let author else { continue }
                    for cue in cues(s, clause: clause, title: title) {
                        let p = Provenance(document: doc.id, sentence: doc.text(sentence),
                                           sentenceStart: sentence.lowerBound, sentenceEnd: sentence.upperBound,
                                           objectStart: title.lowerBound - 1, objectEnd: title.upperBound + 1, rule: cue.rule)
                        graph.add(Relation(subject: author.node, predicate: cue.predicate, object: entity.node,
                                           confidence: cue.confidence, provenance: [p]))
                    }
                }
            }
        }
        return graph
    }

    /// The organization a title names: a run of CJK characters ending in
    /// an organization suffix (`…市人大常委会2024年工作综述` → `…市人大常委会`).
    func author(inTitle title: String) -> String? {
        let t = Array(title.unicodeScalars)
        for i in t.indices {
            for suffix in rules.organizationSuffixes {
                let u = Array(suffix.unicodeScalars)
                guard i + u.count <= t.count, Array(t[i..<i + u.count]) == u else { continue }
                var a = i
                while a > 0 && isHan(t[a - 1]) && i - a < 10 { a -= 1 }
                if a == i { continue }  // a bare suffix names no body
                var name = String.UnicodeScalarView()
                name.append(contentsOf: t[a..<i + u.count])
                return String(name)
            }
        }
        return nil
    }

    func isHan(_ u: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(u.value) || (0x3400...0x4DBF).contains(u.value) || (0x20000...0x2FFFF).contains(u.value)
    }

    /// Ranges of the text inside 《…》 in a clause whose title ends with a regulation head noun.
    func regulationTitles(_ s: [Unicode.Scalar], in clause: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = clause.lowerBound
        while i < clause.upperBound {
            guard s[i] == "《", let close = s[(i + 1)..<clause.upperBound].firstIndex(of: "》") else { i += 1; continue }
            let inner = (i + 1)..<close
            var name = String.UnicodeScalarView()
            name.append(contentsOf: s[inner])
            let title = String(name)
            if !inner.isEmpty, rules.regulationHeads.contains(where: { title.hasSuffix($0) }) { out.append(inner) }
            i = close + 1
        }
        return out
    }

    /// The cues of the clause that apply to the title at `title`.
    func cues(_ s: [Unicode.Scalar], clause: Range<Int>, title: Range<Int>) -> [RegulationCue] {
        var before = String.UnicodeScalarView(); before.append(contentsOf: s[clause.lowerBound..<(title.lowerBound - 1)])
        var after = String.UnicodeScalarView(); after.append(contentsOf: s[min(title.upperBound + 1, clause.upperBound)..<clause.upperBound])
        let b = String(before), a = String(after)
        if rules.assistingWords.contains(where: { b.contains($0) }) { return [] }
        var seen = Set<IRI>()
        return rules.regulationCues.filter { cue in
            let hit = (cue.position == .before ? b : a).contains(cue.cue)
            return hit && seen.insert(cue.predicate).inserted
        }
    }
}
