import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import DocGraphModel
import DocGraphOntology
import Foundation

/// `docgraph explain`: what was read in each sentence, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, sentence by sentence, the mentions found in a document and the rule behind each edge.",
        discussion: """
        A folder is explained document by document, in path order, each under a line naming it; a document that \
        cannot be read is reported and skipped (exit 1 when none could be read).

        Examples:
          docgraph explain report.txt
          docgraph explain reports/ --all
        """)

    @Argument(help: "A document (text, Markdown, HTML, Word, PDF or a scanned image), or a folder of them.")
    var input: String

    @Flag(help: "Also show the trained scorer's decisions that drew no edge (pairs it weighed and left out).")
    var all = false

    @OptionGroup var extraction: ExtractionOptions

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try reportingFailures {
            let collection = try InputCollection(inputs: [input])
            guard !collection.items.isEmpty else {
                throw CLIError(input, "no document found in the folder" + ExtractCommand.leftOutNote(collection.leftOut))
            }
            let extractor = try extraction.extractor().extractor
            let reader = reading.reader(extractor: extractor, jobs: ProcessInfo.processInfo.activeProcessorCount)
            let several = collection.items.count > 1
            var explained = 0
            for (n, item) in collection.items.enumerated() {
                let doc: TextDocument
                do throws(IngestError) {
                    doc = try reader.read(bytes: try CollectionExtraction.bytes(of: item.path), id: item.id, location: item.path)
                } catch {
                    guard several else { throw CLIError(error.path, error.message) }
                    printError(error.description + " (skipped)")
                    continue
                }
                if several { print((n > 0 ? "\n" : "") + "== \(item.path) (\(item.id))") }
                explain(doc, with: extractor)
                explained += 1
            }
            if explained == 0 { throw CLIError(input, "no document could be read") }
        }
    }

    /// Prints what was read in each sentence of `doc`, and why.
    private func explain(_ doc: TextDocument, with extractor: Extractor) {
        let reading = extractor.read(doc)
        let g = reading.graph
        func name(_ s: Subject) -> String { g.entities[s]?.label ?? KnowledgeGraph.fallbackLabel(s) }
        var edges: [Int: [(Relation, Provenance)]] = [:]
        for r in g.sortedRelations {
            for p in r.provenance { edges[p.sentenceStart, default: []].append((r, p)) }
        }
        var decisions: [Int: [Extractor.RelationDecision]] = [:]
        for d in reading.decisions where d.drawn || all { decisions[d.sentence.lowerBound, default: []].append(d) }
        let places = reading.places.isEmpty ? "" : "  (places: \(reading.places.joined(separator: " › ")))"
        print("author: \(reading.author ?? "none found")\(places)")
        for sentence in reading.sentences {
            let mentions = reading.mentions.filter { sentence.contains($0.range.lowerBound) }
            let found = edges[sentence.lowerBound] ?? []
            guard !mentions.isEmpty || !found.isEmpty else { continue }
            let text = doc.text(sentence)
            let page = doc.page(at: sentence.lowerBound).map { "page \($0), " } ?? ""
            print("[\(page)\(sentence.lowerBound)–\(sentence.upperBound)] \(text)")
            for m in mentions {
                let resolved = m.canonical == m.surface ? "" : " → \(m.canonical)"
                let by = m.taggerScore.map { m.source == "tagger" ? "tagger \(Self.score($0))" : "rules and tagger \(Self.score($0))" } ?? "rules"
                print("  \(m.kind.rawValue) \(m.surface)\(resolved)  (\(m.rule.rawValue), found by \(by), \(m.range.lowerBound)–\(m.range.upperBound))")
            }
            for (r, p) in found {
                let role = r.role.map { " [\($0)]" } ?? ""
                print("  edge \(name(r.subject)) -\(r.predicate.displayName)-> \(name(r.object))\(role)  (\(p.rule), confidence \(r.confidence))")
            }
            for d in decisions[sentence.lowerBound] ?? [] {
                let weighed = d.weighed.map { "\($0.name) \(Self.weight($0.weight))" }.joined(separator: ", ")
                print("  \(d.drawn ? "scored" : "left out") \(d.subject) -\(d.label)-> \(d.object)  p=\(Self.score(Float(d.probability)))  because \(weighed)")
            }
        }
    }

    /// A feature's weight, signed, with two decimals.
    static func weight(_ w: Double) -> String {
        (w < 0 ? "-" : "+") + score(Float(abs(w)))
    }

    /// A tagger score with two decimals.
    static func score(_ x: Float) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
