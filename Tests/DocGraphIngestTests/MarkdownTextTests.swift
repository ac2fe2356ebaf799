import Foundation
import Testing
@testable import DocGraphIngest

/// The Markdown reader on the shapes a hostile file takes (see `scripts/fuzz.sh markdown`).
struct MarkdownTextTests {
    /// Unclosed brackets and links without their `)`: each `[` once searched the rest of the line
    /// for its `]` and `)`, so 300,000 of them took many minutes; read in one pass, well under a second.
    @Test(.timeLimit(.minutes(1)), arguments: ["[", "[a]("])
    func aLineOfUnclosedBracketsIsReadInOnePass(_ unit: String) throws {
        let line = String(repeating: unit, count: 300_000 / unit.count)
        let doc = try DocumentReader().read(bytes: Array(("会议" + line + "\n").utf8), id: "brackets", location: "brackets.md")
        #expect(String(String.UnicodeScalarView(doc.scalars)) == "会议" + line + "\n")
    }

    @Test func linksKeepTheirTextWhereverTheyStand() {
        #expect(MarkdownText.inline("见[《条例》](https://example.org/a)和![图](b.png)。") == "见《条例》和图。")
        #expect(MarkdownText.inline("[[[a](b)") == "[[a")
        #expect(MarkdownText.inline("[a] (b) [c](d") == "[a] (b) [c](d")
        #expect(MarkdownText.inline("[") == "[" && MarkdownText.inline("[a](") == "[a](" && MarkdownText.inline("") == "")
    }
}
