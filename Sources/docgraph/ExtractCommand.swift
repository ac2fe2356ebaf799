import ArgumentParser
import DocGraphExtract
import DocGraphModel
import DocGraphOntology
import Foundation

/// `docgraph extract`: documents in, one graph out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract a knowledge graph from documents.",
        discussion: """
        Every input is a UTF-8 text document; the graph of all of them is written to each -o file,
        in the format its extension names (.rdf, .graphml, .nt). Outputs are written atomically.
        Example: docgraph extract report.txt -o report.rdf -o report.graphml
        """)

    @Argument(help: "Text documents to read, or folders: every .txt file below a folder is read, in path order.")
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "An output file (.rdf, .graphml or .nt); repeat for several.")
    var outputs: [String] = []

    @Option(help: "The ontology folder (docgraph.owl, lexicons/, rules/). Default: ./Ontology or the one beside the program.")
    var ontology: String?

    func validate() throws {
        if outputs.isEmpty { throw ValidationError("give at least one output file with -o") }
        for o in outputs { _ = try GraphFormat.of(o) }
    }

    func run() throws {
        try reportingFailures {
            let dir = try ontologyFolder(ontology)
            let extractor = Extractor(rules: try ExtractionRules.load(directory: dir))
            var graph = KnowledgeGraph()
            for path in try Self.documentPaths(inputs) { extractor.extract(try Self.readDocument(path), into: &graph) }
            for o in outputs { try GraphFiles.write(graph, to: o) }
        }
    }

    /// The files to read: each input file as given, and for each folder the
    /// `.txt` files below it, sorted by path so that runs are repeatable.
    static func documentPaths(_ inputs: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { throw CLIError(input, "no such file") }
            guard isDir.boolValue else { out.append(input); continue }
            guard let walker = fm.enumerator(atPath: input) else { throw CLIError(input, "cannot read folder") }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                if relative.lowercased().hasSuffix(".txt") { found.append(input + "/" + relative) }
            }
            out += found.sorted()
        }
        return out
    }

    /// Reads a UTF-8 text document (a byte-order mark is skipped); its id is
    /// the file name without extension.
    static func readDocument(_ path: String) throws -> TextDocument {
        try requireReadable(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(path, "cannot read file") }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(path, "not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8(data)))")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return TextDocument(id: id, text: body, checksum: IRIMinting.sha256Hex(data))
    }

    /// The byte offset of the first byte that breaks UTF-8 (RFC 3629).
    static func firstInvalidUTF8(_ data: Data) -> Int {
        let b = [UInt8](data)
        var i = 0
        while i < b.count {
            let lead = b[i]
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            default: return i
            }
            guard i + length <= b.count, (low...high).contains(b[i + 1]) else { return i }
            for k in 2..<max(length, 2) where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += length
        }
        return i
    }
}
