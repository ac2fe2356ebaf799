import DocGraphIngest
import Foundation
import Testing

/// Ids given in a list file: how a machine reading part of a collection names
/// its documents as a run over the whole collection would.
struct ListedIDTests {
    @Test func idsAfterATabAreKeptWhereThePathAloneWouldGiveAnother() throws {
        let dir = Fixtures.folder()
        let a = Fixtures.write(Array("a".utf8), "2023/report.txt", in: dir)
        let b = Fixtures.write(Array("b".utf8), "2024/report.txt", in: dir)
        // Alone, 2023/report.txt would be `report`; the whole collection calls it `2023/report`.
        let whole = try InputCollection(inputs: [a, b]).items
        #expect(whole.map(\.id) == ["2023/report", "2024/report"])
        let list = Fixtures.write(Array("\(a)\t2023/report\n".utf8), "part.tsv", in: dir)
        #expect(try InputCollection(inputs: [], lists: [list]).items == [whole[0]])
        #expect(try InputCollection(inputs: [a]).items.map(\.id) == ["report"])
    }

    @Test func listedPathsWithoutIdsAreNamedOverTheCollectionAsBefore() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array("a".utf8), "x/report.txt", in: dir)
        _ = Fixtures.write(Array("b".utf8), "y/report.txt", in: dir)
        let list = Fixtures.write(Array("# two reports\r\nx/report.txt\r\n\r\ny/report.txt\tother\r\n".utf8), "list.txt", in: dir)
        #expect(try InputCollection(inputs: [], lists: [list]).items.map(\.id) == ["x/report", "other"])
    }

    @Test(arguments: [
        ("a.txt\tsame\nb.txt\tsame\n", "id 'same' is also the id of"),
        ("a.txt\tone\na.txt\ttwo\n", "is given two ids, 'one' and 'two'"),
        ("a.txt\t \n", "empty id after the tab"),
        ("a.txt\tb\nb.txt\n", "id 'b' is also the id of"),
    ])
    func conflictingIdsAreErrors(list: String, message: String) throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array("a".utf8), "a.txt", in: dir)
        _ = Fixtures.write(Array("b".utf8), "b.txt", in: dir)
        let path = Fixtures.write(Array(list.utf8), "list.tsv", in: dir)
        #expect {
            try InputCollection(inputs: [], lists: [path])
        } throws: { error in
            (error as? IngestError)?.message.contains(message) ?? false
        }
    }
}
