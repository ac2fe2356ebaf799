import DocGraphModel
import Foundation

/// Writes files all at once or not at all: each file's content goes to a
/// temporary file beside it, and only when every one of them is complete
/// are they renamed over their destinations. A failure at any point —
/// an error, a full disk, Ctrl-C — leaves every previous file untouched
/// and no temporary file behind.
enum AtomicOutput {
    /// Writes one file.
    static func write(to path: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        try writeAll([path]) { _, tmp in try body(tmp) }
    }

    /// Writes several files as one step: none is replaced unless all were written.
    static func writeAll(_ paths: [String], _ body: (_ path: String, _ temporaryPath: String) throws -> Void) throws {
        for path in paths { try checkFolder(of: path) }
        var written: [(path: String, temporary: String)] = []
        defer { for w in written { TemporaryFiles.remove(w.temporary) } }
        for (n, path) in paths.enumerated() {
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
                + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(n)"
            TemporaryFiles.add(temporary)
            written.append((path, temporary))
            do {
                try body(path, temporary)
            } catch let e as ParseError where e.source == temporary {
                // The writer names the file it was given; the user named the destination.
                throw ParseError(source: path, line: e.line, column: e.column, message: e.message)
            }
        }
        for w in written where rename(w.temporary, w.path) != 0 {
            throw CLIError(w.path, "cannot move the finished file into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Checks that every file's folder exists and can be written, before any work is done.
    static func checkFolders(_ paths: [String]) throws {
        for path in paths { try checkFolder(of: path) }
    }

    private static func checkFolder(of path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let asGiven = (path as NSString).deletingLastPathComponent   // named as the user wrote it
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError(path, "the folder '\(asGiven.isEmpty ? "." : asGiven)' does not exist")
        }
        guard access(dir, W_OK) == 0 else {
            throw CLIError(path, "cannot write to the folder '\(asGiven.isEmpty ? "." : asGiven)'")
        }
    }
}

/// The temporary files being written, removed if the process is
/// interrupted or terminated. The signal handler may only call
/// async-signal-safe functions, so the names live in fixed C buffers that
/// it reads without locks or allocation.
enum TemporaryFiles {
    private static let capacity = 64
    private static let pathLength = Int(PATH_MAX)
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathLength)
        p.initialize(repeating: 0, count: capacity * pathLength)
        return p
    }()

    /// Removes temporary files on SIGINT, SIGTERM and SIGHUP, then dies of
    /// the signal as it would have; a write past a file size limit becomes
    /// an error (EFBIG) rather than a silent kill.
    static func installHandlers() {
        _ = slots
        signal(SIGXFSZ, SIG_IGN)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                for i in 0..<TemporaryFiles.capacity {
                    let slot = TemporaryFiles.slots + i * TemporaryFiles.pathLength
                    if slot.pointee != 0 { unlink(slot) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func add(_ path: String) {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= pathLength else { return }
        for i in 0..<capacity where slots[i * pathLength] == 0 {
            let slot = slots + i * pathLength
            bytes.withUnsafeBufferPointer { b in
                // Write the name first and its first byte last, so the slot is never half-named.
                for k in 1..<b.count { slot[k] = b[k] }
                slot[0] = b[0]
            }
            return
        }
    }

    /// Deletes the file if it is still there (it is not once renamed) and frees its slot.
    static func remove(_ path: String) {
        unlink(path)
        let bytes = Array(path.utf8CString)
        for i in 0..<capacity {
            let slot = slots + i * pathLength
            if slot[0] != 0 && strcmp(slot, bytes) == 0 { slot[0] = 0; return }
        }
    }
}
