import DocGraphModel
import Foundation

/// Writes a folder of files all at once or not at all, as ``AtomicOutput``
/// does for files: the files go into a temporary folder beside the
/// destination, which is renamed into place once every one is complete.
/// An earlier folder is replaced only if it holds nothing but files an
/// earlier run could have written (`mayReplace`), so a typo cannot wipe out
/// someone's folder.
enum AtomicFolder {
    static func write(to path: String, mayReplace: (String) -> Bool,
                      _ body: (_ temporaryFolder: String) throws -> Void) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError(path, "the folder '\(parent)' does not exist")
        }
        guard access(parent, W_OK) == 0 else { throw CLIError(path, "cannot write to the folder '\(parent)'") }
        var existing = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CLIError(path, "exists and is not a folder") }
            let names = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            if let other = names.sorted().first(where: { !mayReplace($0) }) {
                throw CLIError(path, "the folder holds '\(other)', which an export does not write; name a new or empty folder")
            }
            existing = true
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent + "/." + url.lastPathComponent + ".tmp-\(pid)"
        let old = parent + "/." + url.lastPathComponent + ".old-\(pid)"
        try? fm.removeItem(atPath: temporary)
        guard mkdir(temporary, 0o755) == 0 else {
            throw CLIError(path, "cannot create a folder beside it: \(String(cString: strerror(errno)))")
        }
        defer { try? fm.removeItem(atPath: temporary) }
        do {
            try body(temporary)
        } catch let e as ParseError where e.source.hasPrefix(temporary + "/") {
            throw ParseError(source: url.path + e.source.dropFirst(temporary.count), line: e.line, column: e.column,
                             message: e.message)
        }
        if existing {
            guard rename(url.path, old) == 0 else {
                throw CLIError(path, "cannot move the earlier folder aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if existing { _ = rename(old, url.path) }
            throw CLIError(path, "cannot move the finished folder into place: \(reason)")
        }
        if existing { try? fm.removeItem(atPath: old) }
    }
}
