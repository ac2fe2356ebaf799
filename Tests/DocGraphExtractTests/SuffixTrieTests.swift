import Testing
@testable import DocGraphExtract

/// The trie answers "which stored word ends here", longest first.
struct SuffixTrieTests {
    @Test func theLongestWordEndingAtAPositionWins() {
        var trie = SuffixTrie()
        trie.insert(Array("杭州".unicodeScalars), value: "杭州市")
        trie.insert(Array("杭州市".unicodeScalars), value: "杭州市")
        trie.insert(Array("州市".unicodeScalars), value: "other")
        let text = Array("在杭州市调研".unicodeScalars)
        #expect(trie.longest(endingAt: 4, in: text)?.start == 1)
        #expect(trie.longest(endingAt: 4, in: text)?.value == "杭州市")
        #expect(trie.longest(endingAt: 3, in: text)?.value == "杭州市")
        #expect(trie.longest(endingAt: 5, in: text) == nil)
        #expect(trie.longest(endingAt: 0, in: text) == nil)
    }

    @Test func shortWordsCanBeRuledOut() {
        var trie = SuffixTrie()
        trie.insert(Array("市".unicodeScalars), value: "one")
        let text = Array("市".unicodeScalars)
        #expect(trie.longest(endingAt: 1, in: text)?.value == "one")
        #expect(trie.longest(endingAt: 1, in: text, minimumLength: 2) == nil)
    }
}
