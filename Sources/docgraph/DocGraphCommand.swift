import ArgumentParser

/// `docgraph`: documents in, knowledge graphs out.
@main
struct DocGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docgraph",
        abstract: "Turn documents into knowledge graphs, and convert, inspect and validate graph files.",
        discussion: """
        Graph formats follow the file extension: .rdf/.owl/.xml (RDF/XML), .graphml, .nt (N-Triples), .ttl (Turtle).
        Errors are printed as FILE:LINE:COL: error: MESSAGE; bad usage exits 64, other failures exit 1.
        """,
        subcommands: [ExtractCommand.self, ExplainCommand.self, EvaluateCommand.self, TextCommand.self, TagCommand.self, ConvertCommand.self, StatsCommand.self, ValidateCommand.self,
                      EntitiesCommand.self, RelationsCommand.self, NeighborsCommand.self, PathCommand.self, DescribeCommand.self, SPARQLCommand.self, RenderCommand.self,
                      DocumentsCommand.self, MergeCommand.self, ExportCommand.self, TrainCommand.self]
    )
}
