import ArgumentParser
import DocGraphModel
import DocGraphQuery
import Foundation

extension ResultTable.Format: ExpressibleByArgument {}
extension GraphQuery.Direction: ExpressibleByArgument {}

/// What every query command takes: the graph and the output format.
struct QueryOptions: ParsableArguments {
    @Argument(help: "The graph (.rdf, .graphml, .nt or .ttl), from DocGraph or elsewhere.")
    var graph: String

    @Option(help: "table (aligned, the default on a terminal), csv, tsv (the default otherwise) or json.")
    var format: ResultTable.Format?

    func query() throws -> GraphQuery { GraphQuery(try GraphFiles.readGraph(graph)) }

    /// Prints the table; a name that matched nothing is an error with suggestions.
    func show(_ table: () throws -> ResultTable) throws {
        try reportingFailures {
            do {
                let t = try table()
                let chosen = format ?? (isatty(1) == 1 ? .table : .tsv)
                FileHandle.standardOutput.write(Data(t.render(chosen).utf8))
            } catch let e as GraphQuery.NoMatch {
                throw CLIError(graph, e.description)
            }
        }
    }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "List entities, by class or by a part of their names.",
        discussion: "Example: docgraph entities graph.rdf --type Organization --match 人大")
    @OptionGroup var options: QueryOptions
    @Option(help: "Only this class (Organization, Person, … or a full IRI).") var type: String?
    @Option(help: "Only entities with a name or alias containing this text.") var match: String?
    func run() throws { try options.show { try options.query().entities(type: type, match: match) } }
}

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations", abstract: "List relations, by subject, predicate or object.",
        discussion: "Example: docgraph relations graph.rdf --subject 杭州市人大常委会 --predicate enacted --evidence")
    @OptionGroup var options: QueryOptions
    @Option(help: "The subject's name or alias.") var subject: String?
    @Option(help: "The predicate: a local name (enacted), prefixed name or IRI.") var predicate: String?
    @Option(help: "The object's name or alias.") var object: String?
    @Flag(help: "One row per piece of evidence: its document, sentence and rule.") var evidence = false
    func run() throws {
        try options.show { try options.query().relations(subject: subject, predicate: predicate, object: object, evidence: evidence) }
    }
}

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors", abstract: "The entities around one entity, up to a depth.",
        discussion: "Example: docgraph neighbors graph.rdf 杭州市委 --depth 2 --direction out")
    @OptionGroup var options: QueryOptions
    @Argument(help: "The entity's name or alias.") var name: String
    @Option(help: "How many steps away.") var depth = 1
    @Option(help: "Only edges with this predicate.") var predicate: String?
    @Option(help: "in, out or both.") var direction: GraphQuery.Direction = .both
    func run() throws {
        try options.show { try options.query().neighbors(name, depth: depth, predicate: predicate, direction: direction) }
    }
}

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "The shortest paths between two entities, each step with its predicate.",
        discussion: "Example: docgraph path graph.rdf 王明 《杭州市河道管理条例》")
    @OptionGroup var options: QueryOptions
    @Argument(help: "Where the paths start.") var from: String
    @Argument(help: "Where they end.") var to: String
    @Option(help: "The longest path looked for, in steps.") var maxLength = 4
    func run() throws { try options.show { try options.query().paths(from: from, to: to, maxLength: maxLength) } }
}

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "One entity: class, names, documents, and every edge in and out.",
        discussion: "Example: docgraph describe graph.rdf 市委")
    @OptionGroup var options: QueryOptions
    @Argument(help: "The entity's name or alias.") var name: String
    func run() throws { try options.show { try options.query().describe(name) } }
}

struct SPARQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparql", abstract: "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT) on a graph.",
        discussion: """
        Examples:
          docgraph sparql graph.rdf 'PREFIX dg: <https://w3id.org/docgraph/ontology#> SELECT ?s ?o WHERE { ?s dg:enacted ?o }'
          docgraph sparql graph.nt -f query.rq --format json
        --format json gives SPARQL 1.1 Query Results JSON. A syntax error shows the line with a caret under the offending token.
        """)
    @OptionGroup var options: QueryOptions
    @Argument(help: "The query text (or use -f).") var query: String?
    @Option(name: .short, help: "Read the query from this file.") var file: String?

    func validate() throws {
        if (query == nil) == (file == nil) { throw ValidationError("give the query as an argument or with -f FILE, not both") }
    }

    func run() throws {
        try reportingFailures {
            let source = file ?? "query"
            let text: String
            if let file {
                guard let data = FileManager.default.contents(atPath: file), let s = String(data: data, encoding: .utf8) else {
                    throw CLIError(file, "cannot read query file")
                }
                text = s
            } else {
                text = query!
            }
            let parsed: SPARQLQuery
            do throws(SPARQLSyntaxError) {
                parsed = try SPARQLParser.parse(text)
            } catch {
                printError("\(source):\(error.description)")   // source:line:col: error: …, then the line and a caret
                throw ExitCode.failure
            }
            if let feature = parsed.unsupported.first { throw CLIError(source, "not supported: \(feature)") }
            var evaluator = SPARQLEvaluator(store: TripleStore(try GraphFiles.readGraphTriples(options.graph)))
            let result = evaluator.run(parsed)
            let format = options.format ?? (isatty(1) == 1 ? .table : .tsv)
            let out = format == .json ? result.json() : result.table().render(format)
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
