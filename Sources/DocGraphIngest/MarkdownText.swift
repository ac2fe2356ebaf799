import Foundation

/// The text of a Markdown document without its markup, line for line:
/// heading marks, quote marks, list bullets, emphasis, inline code marks,
/// link and image syntax (their text stays), table pipes (cells are kept
/// apart by an ideographic space) and a leading front-matter block go; every other character stays where it was in its
/// line. Enough for extraction, which reads prose, not layout.
enum MarkdownText {
    static func plainText(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        // Front matter: a block between two --- lines at the very top.
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") { lines.removeSubrange(0...end) }
        var out: [String] = []
        var fenced = false
        for raw in lines {
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fenced.toggle(); continue }
            if fenced { out.append(String(raw)); continue }
            var line = Substring(trimmed)
            while line.hasPrefix(">") { line = line.dropFirst().drop { $0 == " " } }
            if line.hasPrefix("#") { line = line.drop { $0 == "#" }.drop { $0 == " " } }
            for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) { line = line.dropFirst(2) }
            if let dot = line.firstIndex(of: "."), dot != line.startIndex, line[..<dot].allSatisfy(\.isNumber),
               line[line.index(after: dot)...].hasPrefix(" ") {
                line = line[line.index(dot, offsetBy: 2)...]
            }
            if line.allSatisfy({ "-=*_|: ".contains($0) }) && !line.isEmpty { out.append(""); continue }  // rules, table separators
            if line.hasPrefix("|") {
                // A table row: its cells on one line, apart (an ideographic space, as for HTML tables).
                let cells = line.split(separator: "|").map { inline(String($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                out.append(cells.joined(separator: "\u{3000}"))
                continue
            }
            out.append(inline(String(line)))
        }
        return out.joined(separator: "\n")
    }

    /// Inline markup: `![alt](url)` and `[text](url)` keep their text;
    /// `**`, `__`, `*`, `` ` `` and `~~` marks go.
    static func inline(_ s: String) -> String {
        var out = ""
        let c = Array(s)
        // Where the next `]` and the next `)` stand from each position, found in one pass from the
        // end: a search from every `[` made a line of unclosed brackets cost its length squared
        // (100 KB of `[` took 26 s).
        var nextBracket = [Int](repeating: c.count, count: c.count + 1)
        var nextParenthesis = nextBracket
        for k in stride(from: c.count - 1, through: 0, by: -1) {
            nextBracket[k] = c[k] == "]" ? k : nextBracket[k + 1]
            nextParenthesis[k] = c[k] == ")" ? k : nextParenthesis[k + 1]
        }
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "!" && i + 1 < c.count && c[i + 1] == "[" { i += 1; continue }
            if ch == "[" {
                let close = nextBracket[i + 1]
                if close + 1 < c.count, c[close + 1] == "(", nextParenthesis[close + 1] < c.count {
                    out += inline(String(c[(i + 1)..<close]))
                    i = nextParenthesis[close + 1] + 1
                    continue
                }
            }
            if ch == "*" || ch == "`" || (ch == "~" && i + 1 < c.count && c[i + 1] == "~") {
                i += ch == "~" ? 2 : 1
                continue
            }
            if ch == "_" && (i + 1 < c.count && c[i + 1] == "_") { i += 2; continue }
            out.append(ch)
            i += 1
        }
        return out
    }
}
