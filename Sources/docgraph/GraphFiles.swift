import DocGraphGraphML
import DocGraphModel
import DocGraphQuery
import DocGraphRDF
import Foundation

/// Reading and writing graph files in any supported format.
enum GraphFiles {
    /// Streams the triples of an RDF file (RDF/XML or N-Triples) into `sink`.
    static func streamTriples(_ path: String, format: GraphFormat, base: String?, into sink: inout some TripleSink) throws {
        try requireReadable(path)
        switch format {
        case .rdfXML:
            try RDFXMLParser(base: base ?? fileIRI(path)).parse(path: path, into: &sink)
        case .nTriples:
            try NTriplesParser.parse(path: path, into: &sink)
        case .turtle:
            try TurtleParser.parse(path: path, base: base ?? fileIRI(path), into: &sink)
        case .graphML:
            try GraphMLReader.parse(path: path, into: &sink)
        }
    }

    /// Every triple of a graph file, whatever its format (GraphML through its RDF view).
    static func readGraphTriples(_ path: String, base: String? = nil) throws -> [Triple] {
        var sink = TripleCollector()
        try streamTriples(path, format: GraphFormat.of(path), base: base, into: &sink)
        return sink.triples
    }

    /// Reads any graph file into a store for querying, streaming its triples
    /// straight into the store's indexes.
    static func readStore(_ path: String) throws -> TripleStore {
        let format = try GraphFormat.of(path)
        return try TripleStore.load { sink in try streamTriples(path, format: format, base: nil, into: &sink) }
    }

    /// Reads several graph files into one store, their union: a blank node of one file is never the
    /// blank node of the same label in another (each file's labels get the file's number in front).
    static func readStore(_ paths: [String]) throws -> TripleStore {
        if paths.count == 1 { return try readStore(paths[0]) }
        let formats = try paths.map { try GraphFormat.of($0) }
        return try TripleStore.load { sink in
            for (n, path) in paths.enumerated() {
                var scoped = BlankNodeScope(prefix: "f\(n + 1)_", sink: sink)
                try streamTriples(path, format: formats[n], base: nil, into: &scoped)
                sink = scoped.sink
            }
        }
    }

    /// Reads any graph file as a knowledge graph.
    static func readGraph(_ path: String, base: String? = nil) throws -> KnowledgeGraph {
        if try GraphFormat.of(path) == .graphML {
            try requireReadable(path)
            return try GraphMLReader.read(path: path)
        }
        var builder = KnowledgeGraphBuilder()
        try streamTriples(path, format: GraphFormat.of(path), base: base, into: &builder)
        return builder.graph
    }

    /// Writes a knowledge graph to `path` atomically, in the format its extension names.
    static func write(_ graph: KnowledgeGraph, to path: String) throws {
        try write(graph, to: [path])
    }

    /// Writes a knowledge graph to every path, all or none (see ``AtomicOutput``).
    static func write(_ graph: KnowledgeGraph, to paths: [String]) throws {
        try AtomicOutput.writeAll(paths) { path, tmp in
            let format = try GraphFormat.of(path)
            switch format {
            case .graphML:
                try GraphMLWriter.write(graph, to: tmp)
            case .rdfXML:
                let w = try RDFXMLSerializer(path: tmp)
                try graph.forEachTriple { try w.consume($0) }
                try w.finish()
            case .nTriples:
                var w = NTriplesSerializer(output: try ByteOutput(path: tmp))
                try graph.forEachTriple { try w.consume($0) }
                try w.finish()
            case .turtle:
                var w = TurtleSerializer(output: try ByteOutput(path: tmp))
                try graph.forEachTriple { try w.consume($0) }
                try w.finish()
            }
        }
    }

    /// Writes triples to `path` atomically, in the format its extension names (GraphML as the
    /// RDF view, as `convert` writes it).
    static func write(triples: [Triple], to path: String) throws {
        let format = try GraphFormat.of(path)
        var replaced = 0
        try AtomicOutput.write(to: path) { tmp in
            switch format {
            case .rdfXML:
                let w = try RDFXMLSerializer(path: tmp)
                for t in triples { try w.consume(t) }
                try w.finish()
                replaced = w.replacedCharacters
            case .nTriples:
                var w = NTriplesSerializer(output: try ByteOutput(path: tmp))
                for t in triples { try w.consume(t) }
                try w.finish()
            case .turtle:
                var w = TurtleSerializer(output: try ByteOutput(path: tmp))
                for t in triples { try w.consume(t) }
                try w.finish()
            case .graphML:
                let w = try GraphMLSerializer(path: tmp)
                for t in triples { try w.consume(t) }
                try w.finish()
                replaced = w.replacedCharacters
            }
        }
        if replaced > 0 {
            printError("\(path): warning: \(replaced) character(s) that XML 1.0 cannot carry were written as U+FFFD")
        }
    }

    /// A `file://` IRI for a path, the default base of an RDF/XML file.
    static func fileIRI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file://" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute)
    }
}

/// Passes triples on with every blank node label prefixed: files read into one graph keep their blank
/// nodes apart, as RDF's union of graphs requires.
struct BlankNodeScope<Sink: TripleSink>: TripleSink {
    let prefix: String
    var sink: Sink

    mutating func consume(_ t: Triple) throws {
        let subject: Subject
        switch t.subject {
        case .blank(let b): subject = .blank(BlankNode(prefix + b.id))
        case .iri: subject = t.subject
        }
        var object = t.object
        if case .blank(let b) = object { object = .blank(BlankNode(prefix + b.id)) }
        try sink.consume(Triple(subject, t.predicate, object))
    }
}
