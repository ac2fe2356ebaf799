import ArgumentParser
import DocGraphQuery
import DocGraphRender
import Foundation

/// `docgraph render`: a picture of a graph, laid out and drawn by Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a graph as SVG, PNG or DOT, laid out by Graphviz, or as an HTML report that works offline.",
        discussion: """
        Entities are drawn shaped and coloured by class (with a legend), relations as labelled arrows as \
        thick as they are sure; documents and evidence are not drawn. At most --max-nodes entities are \
        drawn, those with the most relations, and the picture says how many were left out.

        Examples:
          docgraph render report.graphml -o report.svg -o report.png -o report.html
          docgraph render report.graphml --focus 市人大常委会 --depth 2 -o around.svg
        """)

    @Argument(help: "The graph (.rdf, .graphml, .nt or .ttl), from DocGraph or elsewhere.")
    var graph: String

    @Option(name: [.short, .customLong("output")], help: "An output file: .svg, .png, .dot or .html (a report that works offline); repeat for several.")
    var outputs: [String] = []

    @Option(help: "sfdp (the default, for large graphs), neato, dot (the default with --focus) or circo.")
    var layout: String?

    @Option(help: "Draw only the entities around this one (a label or alias).")
    var focus: String?

    @Option(help: "Steps from the focus.")
    var depth: Int = 1

    @Option(name: .customLong("type"), help: "Only entities of this class (Organization, Person, …); repeatable.")
    var types: [String] = []

    @Option(name: .customLong("predicate"), help: "Only relations with this predicate (enacted, holdsPosition, …); repeatable.")
    var predicates: [String] = []

    @Option(name: .customLong("min-confidence"), help: "Only relations at least this sure (0 to 1).")
    var minConfidence: Double = 0

    @Option(name: .customLong("max-nodes"), help: "Draw at most this many entities.")
    var maxNodes: Int = 300

    func validate() throws {
        if outputs.isEmpty { throw ValidationError("give at least one output file with -o (.svg, .png or .dot)") }
        for o in outputs where Self.format(of: o) == nil {
            throw ValidationError("cannot tell the picture format of '\(o)': use .svg, .png, .dot or .html")
        }
        if let layout, !GraphvizRenderer.layouts.contains(layout) {
            throw ValidationError("unknown layout '\(layout)': use " + GraphvizRenderer.layouts.joined(separator: ", "))
        }
        if depth < 0 { throw ValidationError("--depth must be at least 0") }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    static func format(of path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": return "svg"
        case "png": return "png"
        case "dot", "gv": return "dot"
        case "html", "htm": return "html"
        default: return nil
        }
    }

    func run() throws {
        try reportingFailures {
            try AtomicOutput.checkFolders(outputs)   // before the graph is read and laid out, not after
            let knowledge = try GraphFiles.readGraph(graph)
            let query = GraphQuery(knowledge)
            let selection: DrawingSelection
            do throws(GraphQuery.NoMatch) {
                for type in types { try query.requireClass(type, declared: DeclaredVocabulary.classes()) }
                for predicate in predicates { try query.requirePredicate(predicate, declared: DeclaredVocabulary.predicates()) }
                selection = try DrawingSelection(query, .init(focus: focus, depth: depth, types: types, predicates: predicates,
                                                              minimumConfidence: minConfidence, maximumNodes: maxNodes))
            } catch {
                throw CLIError(graph, error.description)
            }
            let chosen = layout ?? (focus == nil ? "sfdp" : "dot")
            let dot = DOTWriter.dot(selection, layout: chosen)
            // Laid out once and drawn in every format asked for (the report holds the SVG), all of
            // it before anything is written: a failure leaves no file changed.
            var pictures: [String: [UInt8]] = [:]
            let drawn = outputs.filter { Self.format(of: $0) != "dot" }
            let formats = drawn.map { Self.format(of: $0) == "html" ? "svg" : (Self.format(of: $0) ?? "svg") }
            do throws(RenderError) {
                if !drawn.isEmpty {
                    let images = try GraphvizRenderer().render(dot: dot, layout: chosen, formats: formats)
                    for (path, image) in zip(drawn, images) { pictures[path] = image }
                }
            } catch {
                throw CLIError(graph, error.message)
            }
            for output in outputs {
                switch Self.format(of: output) {
                case "dot": pictures[output] = Array(dot.utf8)
                case "html":
                    let title = (knowledge.sortedDocuments.count == 1 ? knowledge.sortedDocuments[0].title : nil)
                        ?? (graph as NSString).lastPathComponent
                    pictures[output] = Array(HTMLReport.html(graph: knowledge, selection: selection,
                                                            svg: String(decoding: pictures[output] ?? [], as: UTF8.self), title: title).utf8)
                default: break
                }
            }
            try AtomicOutput.writeAll(outputs) { path, temporary in
                guard FileManager.default.createFile(atPath: temporary, contents: Data(pictures[path] ?? [])) else {
                    throw CLIError(path, "cannot write the file")
                }
            }
            if selection.leftOut > 0 {
                printError("note: drew \(selection.nodes.count) of \(selection.candidates) entities (those with the most relations"
                           + (selection.focus.isEmpty ? "" : ", and the focus") + "); raise --max-nodes to draw more")
            }
        }
    }
}
