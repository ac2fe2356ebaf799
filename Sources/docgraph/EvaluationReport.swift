import DocGraphLearn
import Foundation

/// What `evaluate` prints: the micro-averaged scores per class, per predicate and in all, per
/// genre, and with `--verbose` each document's, as a table (kgscore.py's lines) or as JSON (its
/// `--json` keys).
struct EvaluationReport {
    struct Document {
        var item: AnnotatedCorpus.Item
        var score: GoldScore
    }

    /// In corpus order (by path).
    var documents: [Document]
    var passedOver: [String]

    /// The micro-average over all documents.
    var total: GoldScore { GoldScore(summing: documents.map(\.score)) }

    /// Genres by name, with their document count and micro-average.
    var genres: [(genre: String, documents: Int, score: GoldScore)] {
        var byGenre: [String: [GoldScore]] = [:]
        for d in documents { byGenre[d.item.genre, default: []].append(d.score) }
        return byGenre.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map { g in
            (g, byGenre[g]?.count ?? 0, GoldScore(summing: byGenre[g] ?? []))
        }
    }

    /// Each document's name in per-document lines: the name alone, or its path when two documents
    /// in different folders share one.
    var labels: [String] {
        var count: [String: Int] = [:]
        for d in documents { count[d.item.name, default: 0] += 1 }
        return documents.map { count[$0.item.name, default: 0] > 1 ? $0.item.documentPath : $0.item.name }
    }

    // MARK: Table

    func table(verbose: Bool) -> String {
        var out = ""
        if verbose {
            for (d, label) in zip(documents, labels) {
                out += Self.pad(label, 40) + String(format: " entity F1 %.2f  relation F1 %.2f\n", d.score.allEntities.f1, d.score.allRelations.f1)
                for (name, items) in d.score.namedErrorLists where !items.isEmpty {
                    out += "   \(name): " + items.joined(separator: "; ") + "\n"
                }
            }
            out += "\n"
        }
        let total = self.total
        out += "documents: \(documents.count) scored" + (passedOver.isEmpty ? "" : ", \(passedOver.count) without gold passed over") + "\n"
        for c in total.classOrder { out += Self.line("entity", c, total.entities[c] ?? ScoreCounts()) }
        out += Self.line("entity", "all", total.allEntities)
        for p in total.predicateOrder { out += Self.line("relation", p, total.relations[p] ?? ScoreCounts()) }
        out += Self.line("relation", "all", total.allRelations)
        out += "\n" + Self.pad("genre", 16) + Self.padLeft("documents", 10) + "  " + Self.pad("entity P / R / F1", 18) + "   relation P / R / F1\n"
        for (genre, n, score) in genres + [("all", documents.count, total)] {
            out += Self.pad(genre, 16) + Self.padLeft(String(n), 10) + "  " + Self.prf(score.allEntities) + "   " + Self.prf(score.allRelations) + "\n"
        }
        out += String(format: "\nentity F1 %.3f relation F1 %.3f\n", total.allEntities.f1, total.allRelations.f1)
        return out
    }

    /// One class or predicate, as kgscore.py prints it.
    static func line(_ part: String, _ key: String, _ c: ScoreCounts) -> String {
        pad(part, 8) + " " + pad(key, 17)
            + String(format: " P %.2f  R %.2f  F1 %.2f   (tp %d, fp %d, fn %d)\n", c.precision, c.recall, c.f1, c.tp, c.fp, c.fn)
    }

    static func prf(_ c: ScoreCounts) -> String {
        String(format: "%.2f / %.2f / %.2f", c.precision, c.recall, c.f1)
    }

    /// Pads to `width` characters, as Python's `{:width}` does for text.
    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.unicodeScalars.count))
    }

    static func padLeft(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.unicodeScalars.count)) + s
    }

    // MARK: JSON

    /// kgscore.py's keys: `p`, `r`, `f1`, `tp`, `fp`, `fn`.
    struct Counts: Encodable {
        var p, r, f1: Double
        var tp, fp, fn: Int
        init(_ c: ScoreCounts) {
            (p, r, f1, tp, fp, fn) = (c.precision, c.recall, c.f1, c.tp, c.fp, c.fn)
        }
    }

    struct Genre: Encodable {
        var documents: Int
        var entities: Counts
        var relations: Counts
    }

    /// One document: its place and its score, as kgscore.py --json prints it.
    struct DocumentScore: Encodable {
        var name, document, gold, genre: String
        var entities: [String: Counts]
        var relations: [String: Counts]
        var fn_entities, fp_entities, dup_entities, fn_relations, fp_relations: [String]
    }

    struct Output: Encodable {
        var documents: Int
        var passed_over: Int
        var entities: [String: Counts]
        var relations: [String: Counts]
        var genres: [String: Genre]
        var per_document: [DocumentScore]?
    }

    static func parts(_ s: GoldScore) -> (entities: [String: Counts], relations: [String: Counts]) {
        var entities = s.entities.mapValues(Counts.init), relations = s.relations.mapValues(Counts.init)
        entities["all"] = Counts(s.allEntities)
        relations["all"] = Counts(s.allRelations)
        return (entities, relations)
    }

    func json(verbose: Bool) -> String {
        let (entities, relations) = Self.parts(total)
        var genres: [String: Genre] = [:]
        for (g, n, s) in self.genres { genres[g] = Genre(documents: n, entities: Counts(s.allEntities), relations: Counts(s.allRelations)) }
        let perDocument = verbose ? documents.map { d in
            let (e, r) = Self.parts(d.score)
            return DocumentScore(name: d.item.name, document: d.item.documentPath, gold: d.item.goldPath, genre: d.item.genre,
                                 entities: e, relations: r,
                                 fn_entities: d.score.falseNegativeEntities, fp_entities: d.score.falsePositiveEntities,
                                 dup_entities: d.score.duplicateEntities, fn_relations: d.score.falseNegativeRelations,
                                 fp_relations: d.score.falsePositiveRelations)
        } : nil
        let output = Output(documents: documents.count, passed_over: passedOver.count, entities: entities, relations: relations,
                            genres: genres, per_document: perDocument)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(output) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
