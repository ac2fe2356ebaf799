import Foundation
import Testing
@testable import DocGraphExtract

/// Which body a document is taken to be written by (ONTOLOGY.md rule 1), on texts written for the
/// test with invented names (the rules alone).
struct AuthorTests {
    func author(_ text: String) throws -> String? {
        let extractor = Extractor(rules: try ExtractorTests.rules.get())
        return DocumentReading(extractor, TextDocument(id: "t", text: text, checksum: "")).context.author?.canonical
    }

    @Test func aBodyWhoseDeputiesAreNamedIsNotTheAuthor() throws {
        let a = try author("杭州市人大常委会举行会议\n会议补选浙江省人民代表大会代表3名，杭州市人大常委会主任唐晓梅主持。")
        #expect(a == "杭州市人大常委会")
        let b = try author("补选浙江省人民代表大会代表\n昨日，杭州市人大常委会举行第二十次会议，补选浙江省人民代表大会代表3名。")
        #expect(b == "杭州市人大常委会")
    }

    @Test func theOutletOfANewsCreditIsNotTheAuthor() throws {
        let a = try author("代表建议座谈会召开\n(浙江人大网讯)2月13日，杭州市人大常委会召开代表建议座谈会。")
        #expect(a == "杭州市人大常委会")
    }
}
