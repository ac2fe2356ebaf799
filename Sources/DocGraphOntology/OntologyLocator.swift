#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// Finds the `Ontology/` folder: the one named on the command line, else `$DOCGRAPH_ONTOLOGY`,
/// else the first of the program's home folders that holds one (the `docgraph` program passes
/// `ProgramHome.folders`: `$DOCGRAPH_HOME`, or the working folder and those beside and above the
/// program).
public enum OntologyLocator {
    /// The file holding the classes and properties.
    public static let ontologyFile = "docgraph.owl"
    /// The folder's name inside a home folder.
    public static let folderName = "Ontology"

    public static func locate(explicit: String?, homes: [String] = ["."]) -> String? {
        let fm = FileManager.default
        func valid(_ dir: String) -> Bool { fm.fileExists(atPath: dir + "/" + ontologyFile) }
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["DOCGRAPH_ONTOLOGY"], valid(env) { return env }
        for home in homes {
            let candidate = home == "." ? folderName : home + "/" + folderName
            if valid(candidate) { return candidate }
        }
        return nil
    }
}
