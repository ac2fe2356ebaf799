import Foundation

/// Where the program's own files are (`Ontology/` and the model, `Models/docgraph/`), wherever it
/// is run from: installed by `scripts/install.sh PREFIX` as `PREFIX/bin/docgraph` with its files
/// in `PREFIX/share/docgraph/`, called through a symlink on PATH, or built inside the source tree
/// (`.build/release/docgraph`, whose files are in the folders above it).
///
/// `$DOCGRAPH_HOME` names the folder holding them and is then the only one searched; otherwise
/// the working folder, then the program's real folder (symlinks resolved), its
/// `../share/docgraph`, and the folders above it.
enum ProgramHome {
    /// The environment variable that names the folder holding `Ontology/` and `Models/docgraph/`.
    static let variable = "DOCGRAPH_HOME"
    /// How many folders above the program a source tree may be (`.build/<triple>/release/docgraph`).
    static let sourceTreeDepth = 6

    /// The folders that may hold the program's files, in the order they are searched.
    static var folders: [String] { folders(environment: ProcessInfo.processInfo.environment, executable: executable) }

    static func folders(environment: [String: String], executable: String?) -> [String] {
        if let home = environment[variable], !home.isEmpty { return [home] }
        var out = ["."]
        if let executable {
            let beside = URL(fileURLWithPath: executable).deletingLastPathComponent()
            out.append(beside.path)
            out.append(beside.deletingLastPathComponent().appendingPathComponent("share/docgraph").path)
            var above = beside.deletingLastPathComponent()
            for _ in 0..<sourceTreeDepth {
                out.append(above.path)
                let next = above.deletingLastPathComponent()
                if next.path == above.path { break }
                above = next
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The running program's file, symlinks resolved: `/proc/self/exe` on Linux, else the first
    /// argument, as a path or a name looked up on PATH.
    static var executable: String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") { return realPath(first) }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(dir) + "/" + first
            if FileManager.default.isExecutableFile(atPath: candidate) { return realPath(candidate) }
        }
        return nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Where a missing folder was looked for, for an error message: `DOCGRAPH_HOME` when set, else
    /// the working folder and the program's folders.
    static func searched(for subfolder: String) -> String {
        let env = ProcessInfo.processInfo.environment
        if let home = env[variable], !home.isEmpty { return "\(home)/\(subfolder) ($\(variable))" }
        guard let executable else { return "./\(subfolder)" }
        let beside = URL(fileURLWithPath: executable).deletingLastPathComponent()
        return "./\(subfolder), beside the program (\(beside.path)), in "
            + beside.deletingLastPathComponent().appendingPathComponent("share/docgraph").path + " and the folders above the program"
    }

    /// What to do about it.
    static let installHint = "install DocGraph with scripts/install.sh PREFIX from its source tree (after scripts/bootstrap.sh fetches the model), or set $DOCGRAPH_HOME to the folder holding Ontology/ and Models/docgraph/"
}
