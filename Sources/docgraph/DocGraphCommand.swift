import ArgumentParser
import DocGraphQuery
import Foundation

/// `docgraph`: documents in, knowledge graphs out.
@main
struct DocGraphCommand: ParsableCommand {
    /// The release this program is; `docgraph --version` prints it.
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "docgraph",
        abstract: "Turn documents into knowledge graphs, and convert, inspect and validate graph files.",
        discussion: """
        Graph formats follow the file extension: .rdf/.owl/.xml (RDF/XML), .graphml, .nt (N-Triples), \
        .ttl (Turtle). Errors are printed as FILE:LINE:COL: error: MESSAGE; bad usage exits 64, other \
        failures exit 1.
        """,
        version: version,
        subcommands: [ExtractCommand.self, ExplainCommand.self, EvaluateCommand.self, TextCommand.self, TagCommand.self, ConvertCommand.self, StatsCommand.self, ValidateCommand.self,
                      EntitiesCommand.self, RelationsCommand.self, NeighborsCommand.self, PathCommand.self, DescribeCommand.self, SPARQLCommand.self, RenderCommand.self,
                      DocumentsCommand.self, MergeCommand.self, ExportCommand.self, TrainCommand.self, ServeCommand.self]
    )

    /// Parses and runs the command line; a first word that names no command is bad usage with the
    /// nearest command's name, not the parser's "unexpected argument".
    static func main() {
        if let first = CommandLine.arguments.dropFirst().first, let message = unknownCommand(first) {
            exit(withError: ValidationError(message))
        }
        main(nil)
    }

    /// The message for a first word that is not a command (nor an option), or nil.
    static func unknownCommand(_ word: String) -> String? {
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        let typed = Array(word.lowercased().unicodeScalars)
        let near = names.filter { $0 != "help" }
            .map { ($0, $0.hasPrefix(word.lowercased()) ? 0 : GraphQuery.editDistance(typed, Array($0.unicodeScalars))) }
            .filter { $0.1 <= max(2, typed.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let message = "unknown command '\(word)'"
        if let best = near.first { return message + "; did you mean '\(best.0)'?" }
        return message + "; the commands are " + names.filter { $0 != "help" }.joined(separator: ", ")
    }
}
