import Foundation
import Testing

/// `docgraph tag` as a user runs it: files, or standard input with `-` as `extract -` reads it.
@Suite(.needsTaggerModel)
struct TagCommandTests {
    static let line = "会议由岚溪市人大常委会主任唐晓梅主持。\n"

    @Test func aDashReadsStandardInputAsAFileIsRead() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("line.txt")
        try Data(Self.line.utf8).write(to: file)
        let fromFile = try CLI.run(["tag", file.path, "--format", "tsv"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let fromStdin = try CLI.run(["tag", "-", "--format", "tsv"], stdin: Self.line)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromStdin.stdout.contains("唐晓梅\tPER\t"), "\(fromStdin.stdout)")
    }

    @Test func standardInputIsReadOnce() throws {
        let r = try CLI.run(["tag", "-", "-"], stdin: Self.line)
        #expect(r.status == 64)
        #expect(r.stderr.contains("standard input (-) can be read once"), "\(r.stderr)")
    }
}
