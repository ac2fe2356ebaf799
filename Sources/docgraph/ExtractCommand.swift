import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import DocGraphModel
import DocGraphOntology
import Foundation
import Synchronization

/// `docgraph extract`: documents in, one graph out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract a knowledge graph from documents.",
        discussion: """
        Inputs are files, folders (searched recursively), list files (--list) or - for standard input. \
        Plain text in UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK, Markdown, HTML pages, \
        Word (.docx and .doc) documents, PDFs (text layers; scanned pages by OCR) and scanned images \
        (.png, .jpg, .tif) are read; the format is told by content and extension.

        The graph of all of them is written to each -o file, in the format its extension names (.rdf, \
        .graphml, .nt, .ttl), atomically. A document that cannot be read is reported and skipped (exit 1 \
        with --strict).

        Examples:
          docgraph extract report.txt -o report.rdf -o report.graphml
          docgraph extract pages/ --include '*.html' --jobs 2 -o pages.nt
          docgraph extract new-pages/ --into pages.nt
          docgraph extract scans/ --ocr-lang chi_sim+eng -o scans.graphml
        """)

    @Argument(help: "Documents, folders, or - for standard input.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "An output file (.rdf, .graphml, .nt or .ttl); repeat for several.")
    var outputs: [String] = []

    @Option(help: "A file listing documents to read, one path per line (relative to the current folder, as documents prints them), or - for standard input; a tab and an id after a path name the document (see docgraph documents); repeatable.")
    var list: [String] = []

    @Option(help: "In folders, read only files matching this glob (default: the formats DocGraph reads); repeatable.")
    var include: [String] = []

    @Option(help: "In folders, leave out files matching this glob (e.g. 'drafts/*'); repeatable.")
    var exclude: [String] = []

    @Option(help: "Read plain text in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030.")
    var encoding: String?

    @Option(help: "Add the documents to this graph: documents it holds unchanged (same id, same checksum) are skipped, changed ones replaced. Written back unless -o is given.")
    var into: String?

    // Optional, so that the help states the default once, in words: a value here would be printed
    // beside it, and would be this machine's number of cores.
    @Option(name: .customLong("jobs"), help: "Documents extracted at once (default: the number of cores).")
    var requestedJobs: Int?

    /// `--jobs`, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Flag(help: "Fail (exit 1) when any document cannot be read, instead of skipping it.")
    var strict = false

    @Flag(name: [.short, .long], help: "No progress bar and no summary on stderr.")
    var quiet = false

    @Flag(help: "List on stderr each file in the folders left out for its format (the summary names a few).")
    var verbose = false

    @OptionGroup var extraction: ExtractionOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if outputs.isEmpty && into == nil { throw ValidationError("give at least one output file with -o (or a graph with --into)") }
        if inputs.isEmpty && list.isEmpty { throw ValidationError("give documents, folders or a --list file to read") }
        if inputs.contains("-") && list.contains("-") { throw ValidationError("standard input is either a document or a --list, not both") }
        for o in outputs + [into].compactMap({ $0 }) { _ = try GraphFormat.of(o) }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)': use utf-8, utf-16le, utf-16be or gb18030")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let started = Date()
            // A folder that is not there fails now, not after the extraction.
            try AtomicOutput.checkFolders(outputs.isEmpty ? [into].compactMap { $0 } : outputs)
            let collection = try InputCollection(inputs: inputs, lists: list, include: include, exclude: exclude)
            if verbose { for path in collection.leftOut { printError("docgraph: left out for its format: \(path)") } }
            if collection.items.isEmpty {
                throw CLIError("docgraph", "no document found in the inputs" + Self.leftOutNote(collection.leftOut) + "; nothing written")
            }
            let (dir, extractor) = try extraction.extractor()
            let base = try into.map { path in
                FileManager.default.fileExists(atPath: path) ? try GraphFiles.readGraph(path) : KnowledgeGraph()
            } ?? KnowledgeGraph()
            let run = CollectionExtraction(extractor: extractor, reader: reading.reader(encoding: encoding.flatMap(TextEncoding.init(name:)), extractor: extractor,
                                                                          jobs: jobs, documents: collection.items.count),
                                           jobs: jobs, workerExtractor: {
                                               (try? ExtractionRules.load(directory: dir)).map {
                                                   Extractor(rules: $0, defaultPlace: extractor.defaultPlace, tagger: extractor.tagger, model: extractor.model)
                                               } ?? extractor
                                           })
            let bar = ProgressBar(enabled: !quiet && isatty(2) == 1 && collection.items.count > 1, started: started)
            let outcome = run.run(collection.items, into: base) { bar.update($0) }
            let extracted = Date()
            bar.finish()
            let nothingRead = !outcome.failures.isEmpty && outcome.extracted.isEmpty && outcome.unchanged.isEmpty && outcome.replaced.isEmpty
            for f in outcome.failures { printError(f.description + (strict || nothingRead ? "" : " (skipped)")) }
            for w in outcome.warnings { printError("warning: " + w) }
            if strict && !outcome.failures.isEmpty {
                throw CLIError(outcome.failures[0].path, "\(outcome.failures.count) document(s) could not be read; nothing written (--strict)")
            }
            if nothingRead { throw CLIError("docgraph", "no document could be read; nothing written") }
            try GraphFiles.write(outcome.graph, to: outputs.isEmpty ? [into!] : outputs)
            if !quiet {
                printError(Self.summary(outcome, leftOut: collection.leftOut, extracting: extracted.timeIntervalSince(started),
                                        writing: Date().timeIntervalSince(extracted)))
            }
        }
    }

    /// One line: documents, files left out for their format, entities by class, relations, skips,
    /// and the time to read and extract (on every job) and to write (on one).
    static func summary(_ o: CollectionExtraction.Outcome, leftOut: [String] = [], extracting: Double, writing: Double) -> String {
        var byClass: [String: Int] = [:]
        for e in o.graph.entities.values { byClass[e.type.namespaceAndLocalName?.localName ?? e.type.string, default: 0] += 1 }
        let classes = byClass.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        // Each document is counted once, so the counts add up to the documents read: a replaced one
        // is extracted too, but counted as replaced. A renamed one is among the extracted, under its
        // new id; the note after the counts says how many were (the Spark job reads the counts).
        var documents = ["\(o.extracted.count - o.replaced.count) extracted"]
        if !o.replaced.isEmpty { documents.append("\(o.replaced.count) replaced") }
        if !o.unchanged.isEmpty { documents.append("\(o.unchanged.count) unchanged") }
        if !o.failures.isEmpty { documents.append("\(o.failures.count) skipped") }
        let renamed = o.renamed.isEmpty ? "" : "; \(o.renamed.count) of them read before under a shorter id"
        return "docgraph: documents: " + documents.joined(separator: ", ") + renamed + leftOutNote(leftOut)
            + "; entities: " + (classes.isEmpty ? "none" : classes)
            + "; relations: \(o.graph.relations.count)"
            + String(format: "; %.2f MB read and extracted in %.2f s, written in %.2f s", Double(o.bytes) / 1e6, extracting, writing)
    }
}

extension ExtractCommand {
    /// The files of the folders left out for their format, counted and the first few named.
    static func leftOutNote(_ paths: [String]) -> String {
        paths.isEmpty ? "" : "; " + leftOutCount(paths)
    }

    /// `N files left out for their format (a.json, b.csv, …)`.
    static func leftOutCount(_ paths: [String]) -> String {
        let named = paths.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        return "\(paths.count) file\(paths.count == 1 ? "" : "s") left out for \(paths.count == 1 ? "its" : "their") format ("
            + named + (paths.count > 3 ? ", … --verbose lists them" : "") + ")"
    }
}

/// A progress bar on stderr, redrawn at most ten times a second.
final class ProgressBar: Sendable {
    let enabled: Bool
    let started: Date
    private let lastDraw = Mutex(Date.distantPast)

    init(enabled: Bool, started: Date) {
        self.enabled = enabled
        self.started = started
    }

    func update(_ p: CollectionExtraction.Progress) {
        guard enabled else { return }
        let now = Date()
        let draw = lastDraw.withLock { last -> Bool in
            guard now.timeIntervalSince(last) >= 0.1 || p.done == p.total else { return false }
            last = now
            return true
        }
        guard draw else { return }
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let fraction = Double(p.done) / Double(max(p.total, 1))
        let width = 30
        let filled = Int(fraction * Double(width))
        let eta = p.done > 0 ? elapsed / Double(p.done) * Double(p.total - p.done) : 0
        let line = String(format: "\r[%@%@] %d/%d documents  %.1f MB/s  ETA %d:%02d ", String(repeating: "#", count: filled),
                          String(repeating: ".", count: width - filled), p.done, p.total, Double(p.bytes) / 1e6 / elapsed,
                          Int(eta) / 60, Int(eta) % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
