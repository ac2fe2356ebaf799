import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import DocGraphLearn
import DocGraphModel
import Foundation
import Synchronization

/// `docgraph evaluate`: extraction scored against hand annotations.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Extract annotated documents and score the graphs against their gold files.",
        discussion: """
        A document (NAME.txt, NAME.html, any format extract reads) is scored when its gold file NAME.json \
        is beside it; folders are searched recursively, and documents without gold are passed over. Each \
        document is extracted on its own, as 'docgraph extract NAME.txt' does, and scored as the reference \
        scorer (kgscore.py) scores the GraphML of that run. Printed: precision, recall, F1, tp, fp and fn \
        per class, per predicate and for all entities and relations, micro-averaged over the documents, \
        and entity and relation scores per genre (the gold's "genre", else the part of NAME before its \
        first '-'). The gold format is described in Ontology/ANNOTATION.md.

        Examples:
          docgraph evaluate Corpus/dev
          docgraph evaluate Corpus/dev Corpus/dev2 --verbose
          docgraph evaluate Corpus/dev2 --format json --tagger rules
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: ArgumentHelp("Folders of annotated documents (each NAME.* beside its gold NAME.json), or annotated documents.",
                                 valueName: "corpus"))
    var corpora: [String]

    @Option(help: "How to print the scores: an aligned table, or JSON with kgscore.py --json's keys.")
    var format: Format = .table

    @Flag(help: "Add each document's scores and what it missed and added (kgscore.py --verbose's lists).")
    var verbose = false

    @Option(help: "Score only the documents of this genre (the gold's genre, else the name before its first '-'); repeatable.")
    var genre: [String] = []

    // Optional, so that the help states the default once, in words: a value here would be printed
    // beside it, and would be this machine's number of cores.
    @Option(name: .customLong("jobs"), help: "Documents extracted at once (default: the number of cores). The output is the same for any number.")
    var requestedJobs: Int?

    /// `--jobs`, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @OptionGroup var extraction: ExtractionOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            // The gold files are read and checked before anything is extracted: a mistake in one
            // is reported at once, not after the whole corpus.
            var corpus = try AnnotatedCorpus(roots: corpora)
            if !genre.isEmpty {
                let known = Set(corpus.items.map(\.genre))
                if let unknown = genre.first(where: { !known.contains($0) }) {
                    throw CLIError("--genre", "no document of genre '\(unknown)'; the corpus has \(known.sorted().joined(separator: ", "))")
                }
                corpus.keep { genre.contains($0.genre) }
            }
            guard !corpus.items.isEmpty else {
                throw CLIError(corpora[0], "no annotated documents: a document is scored when its gold file NAME.json is beside it"
                               + (corpus.passedOver.isEmpty ? "" : " (\(corpus.passedOver.count) file(s) without one)"))
            }
            let extractor = try extraction.extractor().extractor
            let reader = reading.reader(extractor: extractor, jobs: jobs, documents: corpus.items.count)
            let outcomes = Self.score(corpus.items, extractor: extractor, reader: reader, jobs: jobs)
            var scores: [GoldScore] = []
            var failures: [IngestError] = []
            for outcome in outcomes {
                switch outcome {
                case .success(let s): scores.append(s)
                case .failure(let e): failures.append(e)
                }
            }
            if !failures.isEmpty {
                for f in failures { printError(f.description) }
                throw CLIError("docgraph", "\(failures.count) document(s) could not be read; nothing scored")
            }
            let report = EvaluationReport(documents: zip(corpus.items, scores).map { EvaluationReport.Document(item: $0, score: $1) },
                                          passedOver: corpus.passedOver)
            print(format == .json ? report.json(verbose: verbose) : report.table(verbose: verbose), terminator: "")
        }
    }

    /// Reads, extracts and scores each item on `jobs` threads. Every document is extracted into a
    /// graph of its own, as a run of `extract` on it alone would, and the outcomes come back in
    /// the items' order whatever the order the documents finish in.
    ///
    /// The workers share `extractor`: it is the one `ExtractionOptions` made (with its model), and
    /// building others here could drift from it.
    static func score(_ items: [AnnotatedCorpus.Item], extractor: Extractor, reader: DocumentReader,
                      jobs: Int) -> [Result<GoldScore, IngestError>] {
        let next = Atomic<Int>(0)
        let outcomes = Mutex([Result<GoldScore, IngestError>?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < items.count else { break }
                let item = items[i]
                let outcome: Result<GoldScore, IngestError>
                do throws(IngestError) {
                    let bytes = try CollectionExtraction.bytes(of: item.documentPath)
                    let document = try reader.read(bytes: bytes, id: item.name, location: item.documentPath)
                    outcome = .success(GoldScorer.score(extractor.extract(document), against: item.gold))
                } catch {
                    outcome = .failure(error)
                }
                outcomes.withLock { $0[i] = outcome }
            }
        }
        return outcomes.withLock { $0 }.map { $0 ?? .failure(IngestError("docgraph", "a document was not scored")) }
    }
}
