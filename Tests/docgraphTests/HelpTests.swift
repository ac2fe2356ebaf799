import Foundation
import Testing

/// `docgraph COMMAND --help` as a user reads it (80 columns, as the parser wraps in a pipe):
/// each default said once, paragraphs wrapped as one text, examples apart from the prose.
struct HelpTests {
    static let commands = ["extract", "explain", "evaluate", "text", "tag", "convert", "stats", "validate", "entities", "relations",
                           "neighbors", "path", "describe", "sparql", "render", "documents", "merge", "export", "train"]

    static func help(_ command: String?) throws -> String {
        let r = try CLI.run((command.map { [$0] } ?? []) + ["--help"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// Each option's entry: its first line (`  --name …`) with the lines that continue it.
    static func optionEntries(_ help: String) -> [String] {
        var entries: [String] = []
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix(":") && !line.hasPrefix(" ") { inOptions = line == "OPTIONS:" || line == "ARGUMENTS:"; continue }
            guard inOptions, !line.isEmpty else { continue }
            if line.hasPrefix("  -") || line.hasPrefix("  <") { entries.append(String(line)) } else if !entries.isEmpty { entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces) }
        }
        return entries
    }

    /// The lines between OVERVIEW and USAGE: the abstract and the discussion.
    static func overview(_ help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        let end = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.endIndex
        return Array(lines[..<end])
    }

    @Test(arguments: commands)
    func everyDefaultIsSaidOnce(_ command: String) throws {
        for entry in Self.optionEntries(try Self.help(command)) {
            // The parser's own note ends the entry: "(default: X)" or "(values: …; default: X)".
            guard let note = entry.range(of: #"[(;] ?default: [^)]*\)$"#, options: .regularExpression) else { continue }
            #expect(!entry[..<note.lowerBound].contains("default"), "\(command): \(entry)")
        }
    }

    @Test func theNumberOfJobsDefaultsToTheCoresInWordsNotThisMachinesCount() throws {
        for command in ["extract", "evaluate", "text", "train"] {
            let jobs = try #require(Self.optionEntries(try Self.help(command)).first { $0.hasPrefix("  --jobs") })
            #expect(jobs.contains("(default: the number of cores)"), "\(command): \(jobs)")
            #expect(jobs.hasSuffix("."), "\(command): \(jobs)")
        }
    }

    /// A paragraph wrapped as one text fills each line: the next line's first word would not have fit.
    @Test(arguments: [nil] + commands)
    func paragraphsWrapAsOneText(_ command: String?) throws {
        let lines = Self.overview(try Self.help(command))
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") {
            guard !line.hasSuffix(":") && !next.hasSuffix(":") else { continue }
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            // The parser breaks a line that would reach 80 columns with the next word and its space.
            #expect(line.count + 1 + word.count >= 80, "\(command ?? "docgraph"): a line ends early:\n\(line)\n\(next)")
        }
    }

    @Test(arguments: commands)
    func examplesStandApartFromTheProse(_ command: String) throws {
        let lines = Self.overview(try Self.help(command))
        for (k, line) in lines.enumerated() where line == "Example:" || line == "Examples:" {
            #expect(k > 0 && lines[k - 1].isEmpty, "\(command): no blank line before \(line)")
            #expect(k + 1 < lines.count && lines[k + 1].hasPrefix("  docgraph "), "\(command): \(line) is not followed by a command")
        }
        #expect(!lines.contains { $0.hasPrefix("Example: ") }, "\(command): an example inside a line of prose")
    }

    @Test func convertNamesEveryFormatItWrites() throws {
        let help = try Self.help("convert")
        #expect(help.hasPrefix("OVERVIEW: Convert a graph between RDF/XML, GraphML, N-Triples and Turtle."))
    }
}
