import ArgumentParser
import DocGraphIngest

/// `docgraph documents`: the documents a run would read, and their ids.
///
/// A document's id depends on the paths of all the others (the shortest tail
/// of its path no other document shares), so a collection split across
/// machines is listed once, here, and each part read with `--list` of these
/// lines: every machine then names its documents as one run over all of
/// them would.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents extract would read, with their ids, as lines for --list.",
        discussion: """
        Prints PATH<TAB>ID for each document, in the order extract reads them. The ids are computed over the \
        whole collection, exactly as extract computes them; a part of these lines given to extract --list \
        keeps them, so parts extracted apart merge into the graph of one run (see docgraph merge).

        Example:
          docgraph documents pages/ --include '*.html' > all.tsv
          split -n l/4 all.tsv part-; docgraph extract --list part-aa -o shard-aa.nt
        """)

    @Argument(help: "Documents or folders.")
    var inputs: [String] = []

    @Option(help: "A file listing documents, one path per line (relative to the current folder, as documents prints them), or - for standard input; repeatable.")
    var list: [String] = []

    @Option(help: "In folders, read only files matching this glob (default: the formats DocGraph reads); repeatable.")
    var include: [String] = []

    @Option(help: "In folders, leave out files matching this glob (e.g. 'drafts/*'); repeatable.")
    var exclude: [String] = []

    @Flag(help: "List on stderr each file in the folders left out for its format (a note names a few).")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty && list.isEmpty { throw ValidationError("give documents, folders or a --list file") }
        if inputs.contains("-") { throw ValidationError("standard input has no path to list; name files or folders") }
    }

    func run() throws {
        try reportingFailures {
            let collection = try InputCollection(inputs: inputs, lists: list, include: include, exclude: exclude)
            if verbose { for path in collection.leftOut { printError("docgraph: left out for its format: \(path)") } }
            if !collection.leftOut.isEmpty { printError("docgraph: " + ExtractCommand.leftOutCount(collection.leftOut)) }
            var out = ""
            for item in collection.items {
                // A list line is one path and one id, split at a tab.
                if item.path.contains(where: { $0 == "\t" || $0.isNewline }) {
                    throw CLIError(item.path, "a path with a tab or a line break cannot be listed; rename the file")
                }
                out += item.path + "\t" + item.id + "\n"
            }
            print(out, terminator: "")
        }
    }
}
