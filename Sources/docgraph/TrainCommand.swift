import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import DocGraphLearn
import DocGraphTagger
import Foundation
import Synchronization

/// `docgraph train`: annotated documents in, a model folder out.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn the extractor's decisions from annotated documents and write a model folder.",
        discussion: """
        A corpus is a folder (searched recursively) holding each document beside its gold annotation: \
        NAME.txt (or any format extract reads) with NAME.json, in the format of Ontology/ANNOTATION.md. \
        Every document is read with the rules and the tagger; each pair of mentions the extractor would \
        weigh (a post title and the names around it, two bodies and the words between them, the author \
        and what a sentence names) is labelled with the relation the gold states, and the relation \
        scorer is trained on them. The folder written holds the trained weights and the tagger's files, \
        so `extract --model DIR` uses it whole. The same corpus gives the same bytes, whatever --jobs.

        Examples:
          docgraph train Corpus -o my-model
          docgraph train Corpus my-annotations --leave-out party -o without-party
          docgraph extract report.txt --model my-model -o report.graphml
        """)

    @Argument(help: "Folders of annotated documents (NAME.txt beside NAME.json).")
    var corpus: [String]

    @Option(name: [.short, .customLong("output")], help: "The model folder to write (created, or replaced if it holds only a model).")
    var output: String

    @Option(name: .customLong("leave-out"), help: "Leave out the documents of this genre (the gold's genre, else the name before its first '-'); repeatable.")
    var leaveOut: [String] = []

    // Optional, so that the help states the default once, in words: a value here would be printed
    // beside it, and would be this machine's number of cores.
    @Option(name: .customLong("jobs"), help: "Documents read at once (default: the number of cores). The model does not depend on it.")
    var requestedJobs: Int?

    /// `--jobs`, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Flag(name: [.short, .long], help: "No summary on stderr.")
    var quiet = false

    @OptionGroup var extraction: ExtractionOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if extraction.tagger == .rules { throw ValidationError("training learns from the tagger's words: leave out --tagger rules") }
    }

    /// The files a model folder holds: what `train` may replace.
    static func isModelFile(_ name: String) -> Bool {
        name.hasSuffix(".weights") || name == ExtractionModel.thresholdsFile || ModelFile.allCases.contains { $0.rawValue == name }
    }

    func run() throws {
        try reportingFailures {
            let started = Date()
            let corpus: AnnotatedCorpus
            do throws(GoldError) { corpus = try AnnotatedCorpus(roots: self.corpus) } catch { throw CLIError(error.path, error.message) }
            let known = Set(corpus.items.map(\.genre))
            if let unknown = leaveOut.first(where: { !known.contains($0) }) {
                throw CLIError("--leave-out", "no document of genre '\(unknown)'; the corpus has \(known.sorted().joined(separator: ", "))")
            }
            let left = Set(leaveOut)
            let items = corpus.items.filter { !left.contains($0.genre) }
            guard !items.isEmpty else { throw CLIError(self.corpus[0], "no annotated documents to train on") }
            var options = extraction
            options.tagger = .hybrid
            let extractor = try options.extractor().extractor
            guard let taggerFolder = modelFolder(extraction.model) else { throw CLIError("--model", "no tagger to train with") }
            let reader = reading.reader(extractor: extractor, jobs: jobs, documents: items.count)
            // Documents are read on every job; each goes in its slot, so the order is the corpus's.
            let slots = Mutex([TextDocument?](repeating: nil, count: items.count))
            let failure = Mutex<CLIError?>(nil)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < items.count, failure.withLock({ $0 == nil }) else { break }
                    let item = items[i]
                    do throws(IngestError) {
                        let doc = try reader.read(bytes: try CollectionExtraction.bytes(of: item.documentPath), id: item.name,
                                                  location: item.documentPath)
                        slots.withLock { $0[i] = doc }
                    } catch {
                        failure.withLock { $0 = $0 ?? CLIError(error.path, error.message) }
                    }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            let documents = slots.withLock { $0.compactMap { $0 } }
            let (model, report) = ExtractionTrainer(extractor: extractor).train(zip(documents, items).map { ($0, $1.gold, $1.genre) }, jobs: jobs)
            let genres = Set(items.map(\.genre)).sorted()
            let comment = "DocGraph trained weights, written by docgraph train\n"
                + "trained on \(items.count) documents of \(genres.count) genres: \(genres.joined(separator: ", "))"
            try AtomicFolder.write(to: output, mayReplace: Self.isModelFile) { folder in
                for (name, contents) in model.files(comment: comment) {
                    try Data(contents.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
                }
                // The tagger the examples were read with goes with the weights: one folder is the whole model.
                for file in ModelFile.allCases {
                    let from = taggerFolder + "/" + file.rawValue, to = folder + "/" + file.rawValue
                    if (try? FileManager.default.linkItem(atPath: from, toPath: to)) == nil {
                        try FileManager.default.copyItem(atPath: from, toPath: to)
                    }
                }
            }
            if !quiet {
                printError(String(format: "docgraph: trained on %d documents (%d genres): entity scorer on %d candidate stretches (%d naming an entity), %d features; relation scorer on %d candidate pairs (%d with a relation), %d features; %.1f s",
                                  report.documents, genres.count, report.spans, report.names,
                                  model.entities?.featureCount ?? 0, report.candidates, report.positives, model.relations.featureCount,
                                  Date().timeIntervalSince(started)))
            }
        }
    }
}
