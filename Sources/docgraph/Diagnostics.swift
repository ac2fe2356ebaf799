import ArgumentParser
import DocGraphIngest
import DocGraphLearn
import DocGraphModel
import DocGraphOntology
import Foundation

/// A failure to report as one line naming the file.
struct CLIError: Error, CustomStringConvertible {
    var file: String
    var message: String
    init(_ file: String, _ message: String) {
        self.file = file
        self.message = message
    }
    var description: String { "\(file): error: \(message)" }
}

/// Runs a command body, printing failures as `file:line:col: error: …` on
/// stderr and exiting 1; usage errors pass through to the argument parser,
/// which exits 64.
func reportingFailures(_ body: () throws -> Void) throws {
    _ = signalsHandled
    do {
        try body()
    } catch let e as ParseError {
        printError(e.description)
        throw ExitCode.failure
    } catch let e as CLIError {
        printError(e.description)
        throw ExitCode.failure
    } catch let e as IngestError {
        printError(e.description)
        throw ExitCode.failure
    } catch let e as GoldError {
        printError(e.description)
        throw ExitCode.failure
    } catch let e as ValidationError {
        throw e
    } catch let e as ExitCode {
        throw e
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

/// Every command that may write a file runs through ``reportingFailures``: the handlers that
/// clean up temporary files on an interrupt are installed once, there.
private let signalsHandled: Void = TemporaryFiles.installHandlers()

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func requireReadable(_ path: String) throws {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIError(path, "no such file") }
    guard !isDir.boolValue else { throw CLIError(path, "is a folder, not a file") }
    guard FileManager.default.isReadableFile(atPath: path) else { throw CLIError(path, "cannot read file") }
}

/// The ontology folder to use: the one given with --ontology, else the one
/// ``OntologyLocator`` finds in the program's home folders (``ProgramHome``); a clear error,
/// saying where it looked and how to install it, when there is none.
func ontologyFolder(_ explicit: String?) throws -> String {
    guard let dir = OntologyLocator.locate(explicit: explicit, homes: ProgramHome.folders) else {
        throw CLIError("Ontology", "no ontology folder found (looked in \(ProgramHome.searched(for: OntologyLocator.folderName))); "
                       + ProgramHome.installHint + ", or pass --ontology DIR")
    }
    return dir
}
