import Foundation

/// Writes a file all at once or not at all: the content goes to a
/// temporary file beside the destination, which is renamed over it only
/// when writing succeeded. A failure leaves any previous file untouched
/// and removes the temporary one.
enum AtomicOutput {
    static func write(to path: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError(path, "the folder '\(dir)' does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw CLIError(path, "cannot write to the folder '\(dir)'")
        }
        let temporary = dir + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try body(temporary)
            if rename(temporary, path) != 0 {
                throw CLIError(path, "cannot move the finished file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
