import ArgumentParser
import DocGraphModel
import DocGraphOntology
import DocGraphQuery
import DocGraphRDF
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

    /// The help's discussion of a query command: what --format json gives, then an example.
    static func discussion(example: String, json: String = """
        --format json gives an array of objects keyed by the columns, each value in its type: numbers \
        (confidence, depth, step) as numbers, names and documents as arrays, a relation's evidence (with \
        --evidence) as objects with document, page, start, end, sentence and rule.
        """) -> String {
        """
        \(json)

        Example:
          \(example)
        """
    }

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

/// The ontology's classes and relation properties, when an ontology folder is found: a class or
/// predicate that the graph does not use but DocGraph declares gives an empty answer, not an error.
enum DeclaredVocabulary {
    static func ontology() -> Ontology? {
        guard let dir = OntologyLocator.locate(explicit: nil, homes: ProgramHome.folders) else { return nil }
        return try? Ontology.load(path: dir + "/" + OntologyLocator.ontologyFile)
    }

    static func classes() -> [IRI] { ontology().map { Array($0.classes.keys) } ?? [] }

    static func predicates() -> [IRI] { ontology().map { $0.properties.values.filter { $0.kind == .object }.map(\.iri) } ?? [] }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "List entities, by class or by a part of their names.",
        discussion: QueryOptions.discussion(example: "docgraph entities graph.rdf --type Organization --match 人大"))
    @OptionGroup var options: QueryOptions
    @Option(help: "Only this class (Organization, Person, … or a full IRI).") var type: String?
    @Option(help: "Only entities with a name or alias containing this text.") var match: String?
    func run() throws {
        try options.show {
            let query = try options.query()
            if let type { try query.requireClass(type, declared: DeclaredVocabulary.classes()) }
            return query.entities(type: type, match: match)
        }
    }
}

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations", abstract: "List relations, by subject, predicate or object.",
        discussion: QueryOptions.discussion(example: "docgraph relations graph.rdf --subject 杭州市人大常委会 --predicate enacted --evidence"))
    @OptionGroup var options: QueryOptions
    @Option(help: "The subject's name or alias.") var subject: String?
    @Option(help: "The predicate: a local name (enacted), prefixed name or IRI.") var predicate: String?
    @Option(help: "The object's name or alias.") var object: String?
    @Flag(help: "Each piece of evidence: its document, page (PDFs and scans), offsets, sentence and rule; a row each in text.")
    var evidence = false
    func run() throws {
        try options.show {
            let query = try options.query()
            if let predicate { try query.requirePredicate(predicate, declared: DeclaredVocabulary.predicates()) }
            return try query.relations(subject: subject, predicate: predicate, object: object, evidence: evidence)
        }
    }
}

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors", abstract: "The entities around one entity, up to a depth.",
        discussion: QueryOptions.discussion(example: "docgraph neighbors graph.rdf 杭州市委 --depth 2 --direction out"))
    @OptionGroup var options: QueryOptions
    @Argument(help: "The entity's name or alias.") var name: String
    @Option(help: "How many steps away.") var depth = 1
    @Option(help: "Only edges with this predicate.") var predicate: String?
    @Option(help: "in, out or both.") var direction: GraphQuery.Direction = .both
    func run() throws {
        try options.show {
            let query = try options.query()
            if let predicate { try query.requirePredicate(predicate, declared: DeclaredVocabulary.predicates()) }
            return try query.neighbors(name, depth: depth, predicate: predicate, direction: direction)
        }
    }
}

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "The shortest paths between two entities, each step with its predicate.",
        discussion: QueryOptions.discussion(example: "docgraph path graph.rdf 王明 《杭州市河道管理条例》"))
    @OptionGroup var options: QueryOptions
    @Argument(help: "Where the paths start.") var from: String
    @Argument(help: "Where they end.") var to: String
    @Option(help: "The longest path looked for, in steps.") var maxLength = 4
    func run() throws { try options.show { try options.query().paths(from: from, to: to, maxLength: maxLength) } }
}

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "One entity: class, names, documents, and every edge in and out.",
        discussion: QueryOptions.discussion(example: "docgraph describe graph.rdf 市委", json: """
            --format json gives one object per entity the name matches: name, iri, class, aliases, documents \
            (id and title), attributes, and its edges out and in (predicate, the other end, role, confidence \
            and the number of pieces of evidence). A name that several entities go by (市委 in two documents \
            that never name their city) lists the candidates instead, each with its IRI and documents; \
            describe one by its IRI.
            """))
    @OptionGroup var options: QueryOptions
    @Argument(help: "The entity's name, alias or IRI.") var name: String
    func run() throws {
        try options.show {
            let query = try options.query()
            let matches = try query.resolve(name).count
            if matches > 1 { printError("docgraph: \(matches) entities go by '\(name)'; listing them (describe one by its IRI)") }
            return try query.describe(name)
        }
    }
}

struct SPARQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparql", abstract: "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT) on a graph.",
        discussion: """
        SELECT and ASK print a table; --format json gives SPARQL 1.1 Query Results JSON. CONSTRUCT gives a \
        graph: N-Triples on standard output (each triple once), or the file -o names, in the format its \
        extension names (.rdf, .graphml, .nt, .ttl). A syntax error shows the line with a caret under the \
        offending token.

        Examples:
          docgraph sparql graph.rdf 'PREFIX dg: <https://w3id.org/docgraph/ontology#> SELECT ?s ?o WHERE { ?s dg:enacted ?o }'
          docgraph sparql graph.nt -f query.rq --format json
          docgraph sparql graph.rdf -f construct.rq -o part.ttl
        """)
    @OptionGroup var options: QueryOptions
    @Argument(help: "The query text (or use -f).") var query: String?
    @Option(name: .short, help: "Read the query from this file; repeat -f to run several queries on one loading of the graph.")
    var file: [String] = []
    @Flag(help: "Print to standard error how long loading the graph and each query took.") var time = false
    @Option(name: .customLong("repeat"), help: "Run each query this many times; with --time, report the fastest and the median.")
    var repetitions = 1
    @Option(name: [.short, .customLong("output")], help: "Write a CONSTRUCT query's graph to this file (.rdf, .graphml, .nt or .ttl), atomically.")
    var output: String?

    func validate() throws {
        if (query == nil) == file.isEmpty { throw ValidationError("give the query as an argument or with -f FILE, not both") }
        if repetitions < 1 { throw ValidationError("--repeat must be at least 1") }
        if let output {
            _ = try GraphFormat.of(output)
            if file.count > 1 { throw ValidationError("-o takes the graph of one CONSTRUCT query, not of \(file.count)") }
        }
    }

    func run() throws {
        try reportingFailures {
            // Every query is parsed before the graph is read: a typo costs nothing.
            var queries: [(source: String, text: String, query: SPARQLQuery)] = []
            for (source, text) in try texts() {
                let parsed: SPARQLQuery
                do throws(SPARQLSyntaxError) {
                    parsed = try SPARQLParser.parse(text)
                } catch {
                    printError("\(source):\(error.description)")   // source:line:col: error: …, then the line and a caret
                    throw ExitCode.failure
                }
                if let feature = parsed.unsupported.first { throw CLIError(source, "not supported: \(feature)") }
                let constructs: Bool
                if case .construct = parsed.form { constructs = true } else { constructs = false }
                if constructs, let format = options.format {
                    throw CLIError(source, "a CONSTRUCT query gives a graph, not a table: --format \(format.rawValue) does not apply "
                                   + "(N-Triples are printed; -o FILE writes the format its extension names)")
                }
                if !constructs, let output {
                    throw CLIError(source, "-o \(output) is for the graph of a CONSTRUCT query; this query gives a table (print it with --format)")
                }
                queries.append((source, text, parsed))
            }
            if let output { try AtomicOutput.checkFolders([output]) }
            let clock = ContinuousClock()
            let loadStart = clock.now
            let store = try GraphFiles.readStore(options.graph)
            if time { printError("load: \(store.count) triples in \(Self.seconds(clock.now - loadStart))") }
            let format = options.format ?? (isatty(1) == 1 ? .table : .tsv)
            for (n, (source, text, parsed)) in queries.enumerated() {
                var durations: [Duration] = []
                var result = SPARQLResult.boolean(false)
                for _ in 0..<repetitions {
                    // Timed from the text, as a user's query is: parsing, planning, evaluation.
                    let start = clock.now
                    var evaluator = SPARQLEvaluator(store: store)
                    result = evaluator.run((try? SPARQLParser.parse(text)) ?? parsed)
                    durations.append(clock.now - start)
                }
                if time {
                    durations.sort()
                    let size: String
                    switch result {
                    case .solutions(_, let rows): size = "\(rows.count) rows"
                    case .boolean(let b): size = "\(b)"
                    case .graph(let triples): size = "\(triples.count) triples"
                    }
                    let spread = repetitions > 1 ? " (fastest of \(repetitions); median \(Self.seconds(durations[repetitions / 2])))" : ""
                    printError("\(source): \(size) in \(Self.seconds(durations[0]))\(spread)")
                }
                if case .graph(let triples) = result {
                    try writeGraph(triples, separated: n > 0)
                    continue
                }
                let out = format == .json ? result.json() : result.table().render(format)
                FileHandle.standardOutput.write(Data(((n > 0 ? "\n" : "") + out).utf8))
            }
        }
    }

    /// A CONSTRUCT query's graph, each triple once in the order the query gave them: to the -o
    /// file in its format, else as N-Triples on standard output.
    private func writeGraph(_ triples: [Triple], separated: Bool) throws {
        var seen = Set<Triple>()
        let graph = triples.filter { seen.insert($0).inserted }
        if let output {
            try GraphFiles.write(triples: graph, to: output)
            return
        }
        let lines = graph.map { NTriplesSerializer.line($0) }.joined()
        FileHandle.standardOutput.write(Data(((separated ? "\n" : "") + lines).utf8))
    }

    /// Each query's text with the name its errors are reported under.
    private func texts() throws -> [(String, String)] {
        if let query { return [("query", query)] }
        return try file.map { path in
            guard let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) else {
                throw CLIError(path, "cannot read query file")
            }
            return (path, s)
        }
    }

    /// A duration for people: milliseconds under a second, seconds above.
    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s < 1 ? String(format: "%.2f ms", s * 1000) : String(format: "%.2f s", s)
    }
}
