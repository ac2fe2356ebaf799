import Testing
@testable import DocGraphExtract

/// Text built from scalars is the same text, whatever the width of its characters.
struct ScalarTextTests {
    @Test(arguments: ["", "abc", "é", "杭州市人大常委会", "𠀋𠀍 mixed ✓ text\n"])
    func textRoundTripsThroughItsScalars(_ text: String) {
        #expect(String(scalars: Array(text.unicodeScalars)) == text)
        #expect(String(scalars: Array(text.unicodeScalars)).utf8.elementsEqual(text.utf8))
    }
}
