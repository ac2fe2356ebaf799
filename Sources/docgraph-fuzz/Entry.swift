import Foundation

#if FUZZING
// Built with -sanitize=fuzzer (scripts/fuzz.sh): libFuzzer's driver runs the
// harness DOCGRAPH_FUZZ_TARGET names on every input it makes.
let selected: Harness = {
    let name = ProcessInfo.processInfo.environment["DOCGRAPH_FUZZ_TARGET"] ?? ""
    guard let h = Harness(rawValue: name) else {
        fatalError("set DOCGRAPH_FUZZ_TARGET to one of: \(Harness.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return h
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under the module's name
/// (`main` is defined as an alias of it), so libFuzzer's own `main` is never
/// used; this entry point hands over to libFuzzer's driver instead.
@_cdecl("docgraph_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
#else
/// Without the fuzzer: replays saved inputs through a harness, to reproduce
/// a crash in an ordinary build (`docgraph-fuzz rdfxml crash-1234`).
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let harness = Harness(rawValue: name), args.count > 1 else {
            FileHandle.standardError.write(Data("usage: docgraph-fuzz \(Harness.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
            exit(64)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read file\n".utf8))
                exit(1)
            }
            harness.run(Array(data))
            print("\(path): ok")
        }
    }
}
#endif
