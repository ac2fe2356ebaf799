import ArgumentParser
import DocGraphModel

/// The graph file formats, chosen by extension.
enum GraphFormat: String, CaseIterable {
    case rdfXML = "rdf"
    case graphML = "graphml"
    case nTriples = "nt"
    case turtle = "ttl"

    init?(path: String) {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "rdf", "owl", "xml", "rdfxml": self = .rdfXML
        case "graphml": self = .graphML
        case "nt", "ntriples": self = .nTriples
        case "ttl", "turtle": self = .turtle
        default: return nil
        }
    }

    /// The format of `path`, or a usage error naming the extensions understood.
    static func of(_ path: String) throws -> GraphFormat {
        guard let f = GraphFormat(path: path) else {
            throw ValidationError("cannot tell the format of '\(path)': use .rdf, .graphml, .nt or .ttl")
        }
        return f
    }
}
