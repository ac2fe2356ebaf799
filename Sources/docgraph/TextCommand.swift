import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import Foundation

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

    @Option(help: "The ontology folder (its script table tells traditional pages for OCR). Default: ./Ontology or the one beside the program.")
    var ontology: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try reportingFailures {
            let items = try InputCollection(inputs: inputs).items
            // OCR asks the extractor's rules whether a page is traditional; the tagger is not needed.
            let dir = try ontologyFolder(ontology)
            let extractor = Extractor(rules: try ExtractionRules.load(directory: dir))
            let reader = reading.reader(extractor: extractor)
            var failed = false
            for item in items {
                do throws(IngestError) {
                    let doc = try reader.read(bytes: try CollectionExtraction.bytes(of: item.path), id: item.id, location: item.path)
                    if items.count > 1 { print("==> \(item.path) <==") }
                    print(pages ? Self.marked(doc) : doc.text(0..<doc.scalars.count))
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
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
