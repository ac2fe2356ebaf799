import Testing
import DocGraphModel
@testable import DocGraphExtract

/// The cue words a frame needs, read from its pattern, let clauses without
/// them skip the regular expression; they must never reject a clause the
/// pattern would match.
struct RelationFrameTests {
    func words(_ pattern: String) -> [String]? {
        RelationFrame.requiredWords(in: pattern)?.map { String(String.UnicodeScalarView($0)) }
    }

    @Test func cueWordsAreTheFirstRequiredPart() {
        #expect(words("(?:制定|出台|审议通过)[^，,]{0,24}?{REG}") == ["制定", "出台", "审议通过"])
        #expect(words("{REG}[^，,。]{0,16}?执法检查") == ["执"])
        #expect(words("听取(?:和|并)?审议了?{ORG}") == ["听"])
        #expect(words("^[—\\-－ ]*[^，,]{0,16}?在{ORG}会议上$") == ["在"])
    }

    @Test func optionalPartsAreNotCues() {
        #expect(words("(?:和|并)?{ORG}") == nil)
        #expect(words("的*{ORG}x{0,3}y") == ["y"])
        #expect(words("{ORG}") == nil)
    }

    @Test func patternsBeyondThePlainReadingHaveNoCues() {
        #expect(words("制定|出台") == nil)
        #expect(words("(?=制定)制定{REG}") == nil)
        #expect(words("\\d{REG}") == nil)
    }

    @Test func aClauseWithoutACueIsPassedOver() throws {
        let frame = try RelationFrame(predicate: DG.term("enacted"), rule: "r", subject: "AUTHOR", object: "$1",
                                      confidence: 1, pattern: "(?:制定|出台)[^，]{0,24}?{REG}")
        let reg = RelationFrame.placeholders["REG"]!
        #expect(frame.mayMatch(Array("今年出台了".unicodeScalars) + [reg]))
        #expect(!frame.mayMatch(Array("今年学习了".unicodeScalars) + [reg]))
        #expect(frame.matches(in: "今年出台了" + String(Character(reg))).count == 1)
    }
}

extension RelationFrameTests {
    @Test func eachKindStandsAsItsOwnPlaceholder() {
        for (name, kind) in RelationFrame.kindOfPlaceholder {
            #expect(RelationFrame.placeholder(forKind: kind) == RelationFrame.placeholders[name])
        }
    }
}
