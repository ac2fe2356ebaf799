#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// Finds the `Ontology/` folder: the one named on the command line, else
/// `$DOCGRAPH_ONTOLOGY`, else `./Ontology`, else one beside or above the
/// executable (so a built `docgraph` finds the project's folder from anywhere).
public enum OntologyLocator {
    /// The file holding the classes and properties.
    public static let ontologyFile = "docgraph.owl"

    public static func locate(explicit: String?, executablePath: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        func valid(_ dir: String) -> Bool { fm.fileExists(atPath: dir + "/" + ontologyFile) }
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["DOCGRAPH_ONTOLOGY"], valid(env) { return env }
        if valid("Ontology") { return "Ontology" }
        var dir = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Ontology").path
            if valid(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
