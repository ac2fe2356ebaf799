import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import Foundation
import Synchronization

/// `docgraph text`: the text DocGraph reads from documents, before any extraction.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text DocGraph reads from documents: decoded, taken out of HTML and Word, PDF text layers, OCR.",
        discussion: """
        What extraction sees, one paragraph per line; with several documents each starts with ==> PATH <==.

        Examples:
          docgraph text report.pdf
          docgraph text scan.png --pages
        """)

    @Argument(help: "Documents (any format extract reads).")
    var inputs: [String]

    @Flag(help: "Mark where each page of a PDF or scan starts (--- page N ---).")
    var pages = false

    // Optional, so that the help states the default once, in words: a value here would be printed
    // beside it, and would be this machine's number of cores.
    @Option(name: .customLong("jobs"), help: "Documents (or scanned pages) read at once (default: the number of cores).")
    var requestedJobs: Int?

    /// `--jobs`, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "The ontology folder (its script table tells traditional pages for OCR). Default: ./Ontology or the one beside the program.")
    var ontology: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try reportingFailures {
            let items = try InputCollection(inputs: inputs).items
            // OCR asks the extractor's rules whether a page is traditional; they are loaded the
            // first time it asks (text layers and plain text never do), and the tagger never.
            let dir = try ontologyFolder(ontology)
            let rules = Mutex<Extractor?>(nil)
            let isTraditional: @Sendable (String) -> Bool = { text in
                let extractor = rules.withLock { loaded in
                    if loaded == nil { loaded = (try? ExtractionRules.load(directory: dir)).map { Extractor(rules: $0) } }
                    return loaded
                }
                return extractor?.isTraditional(text) ?? false
            }
            let reader = reading.reader(isTraditional: isTraditional, jobs: max(jobs, 1), documents: items.count)
            var failed = false
            // `jobs` documents at a time, printed in the order they were named.
            let batch = max(jobs, 1)
            for start in stride(from: 0, to: items.count, by: batch) {
                let chunk = Array(items[start..<min(start + batch, items.count)])
                let read = Texts(count: chunk.count)
                DispatchQueue.concurrentPerform(iterations: chunk.count) { k in
                    let item = chunk[k]
                    read.set(k, Result { () throws(IngestError) in
                        let doc = try reader.read(bytes: try CollectionExtraction.bytes(of: item.path), id: item.id, location: item.path)
                        return pages ? Self.marked(doc) : doc.text(0..<doc.scalars.count)
                    })
                }
                for (k, item) in chunk.enumerated() {
                    switch read.get(k) {
                    case .success(let text):
                        if items.count > 1 { print("==> \(item.path) <==") }
                        print(text)
                    case .failure(let error):
                        printError(error.description)
                        failed = true
                    case nil:
                        break
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The text with a `--- page N ---` line where each page starts.
    static func marked(_ doc: TextDocument) -> String {
        guard let starts = doc.pageStarts else { return doc.text(0..<doc.scalars.count) }
        var out = ""
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : doc.scalars.count
            out += "--- page \(i + 1) ---\n" + doc.text(start..<max(start, end)).trimmingCharacters(in: .newlines) + "\n"
        }
        return String(out.dropLast())
    }
}

/// The texts of one batch of documents, filled in by the threads that read them.
private final class Texts: @unchecked Sendable {
    private var results: [Result<String, IngestError>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<String, IngestError>) { lock.lock(); results[k] = r; lock.unlock() }
    func get(_ k: Int) -> Result<String, IngestError>? { lock.lock(); defer { lock.unlock() }; return results[k] }
}
