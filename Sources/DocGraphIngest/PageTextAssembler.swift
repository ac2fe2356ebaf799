/// A line of text on a page, where it was printed or recognised: a box in
/// any unit (points for a PDF's text layer, pixels for OCR), measured from
/// the page's top left.
public struct LaidOutLine: Sendable, Equatable {
    public var text: String
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    public init(text: String, left: Double, top: Double, right: Double, bottom: Double) {
        self.text = text
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }
    var height: Double { bottom - top }
    var hasBox: Bool { right > left && bottom > top }
}

/// The text of a paged document as the extractor wants it: one paragraph
/// per line, whatever the page width broke them into, without the running
/// headers, footers and page numbers a printed page repeats, and with the
/// offset where each page starts, so that evidence can name its page.
public struct PagedText: Sendable, Equatable {
    public var text: String
    /// The offset, in Unicode scalars, where page 1, 2, … starts.
    public var pageStarts: [Int]
}

/// Puts printed lines back into paragraphs.
///
/// A line continues the paragraph above it when the line above was broken
/// by the page width, not by the author — it runs to the right edge of the
/// text, or, on a ragged-right page (lines of a fixed number of characters,
/// some of them half-width digits and commas, or text set flush left), it
/// reaches most of the way there and ends without closing a sentence —, the
/// line is not indented (Chinese paragraphs open with two characters'
/// indent), and no more than the usual line spacing separates them; the same
/// holds from the last line of a page to the first of the next. Lines join without a space where either side is Chinese, and a
/// word hyphenated at the line's end is mended. A line at the top or the
/// bottom of pages that repeats on most pages (digits aside) is a running
/// header or footer, and a line that is only a page number (`- 3 -`,
/// `第3页`, `3/12`, `Page 3 of 12`) goes too.
public enum PageTextAssembler {
    /// How much of a page's lines must repeat for a header or footer to be recognised as one.
    static let repeatShare = 0.5
    /// Marks that end a sentence or introduce what follows (a list, a roster): a line ending in one
    /// ends its paragraph unless it runs to the right edge. Closing quotes and brackets after them
    /// count as the mark (。” and ？）).
    static let sentenceEnds = Set("。！？；：.!?;:…".unicodeScalars)
    static let closers = Set("”’」』）)》〉]】\"'".unicodeScalars)

    public static func assemble(pages: [[LaidOutLine]]) -> PagedText {
        let kept = removingRunningLines(pages.map { $0.map(cleaned).filter { !$0.text.isEmpty } })
        var out = String.UnicodeScalarView()
        var starts: [Int] = []
        var count = 0
        var previous: LaidOutLine?
        // Pages of one document share their layout; measured over all of them, a page of a few short lines is not misread.
        let geometry = PageGeometry(kept.flatMap { $0 })
        for lines in kept {
            var pageStarted = false
            for (i, line) in lines.enumerated() {
                let joins: Bool
                if let p = previous {
                    let gapOK = i == 0 || geometry.isUsualGap(above: lines[i - 1], below: line)
                    joins = brokenByWidth(p, geometry) && gapOK && !geometry.isIndented(line) && !isHeading(line, after: p, geometry)
                } else {
                    joins = false
                }
                if !pageStarted { starts.append(joins || out.isEmpty ? count : count + 1); pageStarted = true }
                var piece = Array(line.text.unicodeScalars)
                if joins, let last = out.last, let first = piece.first {
                    if last == "-", out.count >= 2, isLatinLetter(out[out.index(before: out.index(before: out.endIndex))]),
                       first.properties.isLowercase {
                        out.removeLast()
                        count -= 1
                    } else if !isCJK(last) && !isCJK(first) && !isNumberInChinese(out, piece) {
                        piece.insert(" ", at: 0)
                    }
                } else if !out.isEmpty {
                    piece.insert("\n", at: 0)
                }
                out.append(contentsOf: piece)
                count += piece.count
                previous = line
            }
            if !pageStarted { starts.append(count) }
        }
        return PagedText(text: String(out), pageStarts: starts)
    }

    /// A number the page width broke inside Chinese text (五级15 | 31名): digits on both sides of the
    /// break, and Chinese before the first and after the last. It joins without a space, as a
    /// number in English text broken by the width would not (in 2024 | 15 people).
    static func isNumberInChinese(_ before: String.UnicodeScalarView, _ after: [Unicode.Scalar]) -> Bool {
        func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }
        guard let last = before.last, let first = after.first, isDigit(last), isDigit(first) else { return false }
        let preceding = before.reversed().first { !isDigit($0) }
        let following = after.first { !isDigit($0) }
        return preceding.map(isCJK) == true && following.map(isCJK) == true
    }

    /// Whether the page width broke `line`, not its author: it runs to the right edge, or it reaches
    /// most of the way there (``PageGeometry/isMostlyFull(_:)``) without closing a sentence.
    static func brokenByWidth(_ line: LaidOutLine, _ geometry: PageGeometry) -> Bool {
        geometry.isFull(line) || geometry.isMostlyFull(line) && !endsSentence(line.text)
    }

    /// Whether the text's last mark (closing quotes and brackets passed over) ends a sentence.
    static func endsSentence(_ text: String) -> Bool {
        for u in text.unicodeScalars.reversed() where !u.properties.isWhitespace && !closers.contains(u) {
            return sentenceEnds.contains(u)
        }
        return false
    }

    /// A short line without closing punctuation after a finished sentence: a heading, which the
    /// author put on a line of its own even where it does not stand out by indent or spacing.
    static func isHeading(_ line: LaidOutLine, after previous: LaidOutLine, _ geometry: PageGeometry) -> Bool {
        guard let end = previous.text.unicodeScalars.last, "。！？；!?".unicodeScalars.contains(end),
              !geometry.isFull(line), let last = line.text.unicodeScalars.last else { return false }
        return !(last.properties.generalCategory.isPunctuation)
    }

    /// Spaces taken out where either neighbour is Chinese (a PDF's glyph gaps and OCR put them
    /// between 2024 and 年, or between every two characters); other runs of spaces become one.
    static func cleaned(_ line: LaidOutLine) -> LaidOutLine {
        let s = Array(line.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i].properties.isWhitespace {
                var j = i
                while j < s.count, s[j].properties.isWhitespace { j += 1 }
                let before = out.last, after = j < s.count ? s[j] : nil
                if let before, let after, !isCJK(before), !isCJK(after) { out.append(" ") }
                i = j
                continue
            }
            out.append(s[i])
            i += 1
        }
        var l = line
        l.text = String(out)
        return l
    }

    /// Han characters, CJK punctuation and full-width forms: where Chinese text has no spaces.
    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: return true   // — ‘ ’ “ ” … in Chinese text
        default: return false
        }
    }

    static func isLatinLetter(_ u: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(u.value) || (0x61...0x7A).contains(u.value)
    }

    /// A line that is only a page number.
    static func isPageNumber(_ text: String) -> Bool {
        var s = text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)
        if s.isEmpty { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－", "·", "•"]
        while let f = s.first, dashes.contains(f) { s.removeFirst() }
        while let l = s.last, dashes.contains(l) { s.removeLast() }
        var t = String(s).lowercased()
        for prefix in ["page", "第", "p."] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        var parts: [String] = []
        var current = ""
        for c in t {
            if c.isASCII && c.isNumber { current.append(c) } else {
                if !current.isEmpty { parts.append(current); current = "" }
                parts.append(String(c))
            }
        }
        if !current.isEmpty { parts.append(current) }
        let isNumber = { (p: String) in p.allSatisfy { $0.isASCII && $0.isNumber } && p.count <= 5 }
        switch parts.count {
        case 1: return isNumber(parts[0])
        case 2: return isNumber(parts[0]) && parts[1] == "页"
        case 3: return isNumber(parts[0]) && ["/", "of"].contains(parts[1]) && isNumber(parts[2])
        default:
            // 第3页共12页, 3 of 12 written out.
            let joined = parts.joined()
            return parts.filter(isNumber).count == 2 && (joined.hasSuffix("页") && joined.contains("共") || joined.contains("of"))
                && parts.count <= 6
        }
    }

    /// Pages without their running headers and footers and page-number lines.
    static func removingRunningLines(_ pages: [[LaidOutLine]]) -> [[LaidOutLine]] {
        /// The two lines nearest the top and the two nearest the bottom: where running lines are.
        func margins(_ lines: [LaidOutLine]) -> Set<Int> {
            guard lines.count > 2 else { return Set(lines.indices) }
            let byTop = lines.indices.sorted { (lines[$0].top, $0) < (lines[$1].top, $1) }
            return Set(byTop.prefix(2) + byTop.suffix(2))
        }
        func key(_ text: String) -> String {
            String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { ("0"..."9").contains($0) ? "#" : Character($0) })
        }
        var seenOn: [String: Set<Int>] = [:]
        for (p, lines) in pages.enumerated() {
            for i in margins(lines) { seenOn[key(lines[i].text), default: []].insert(p) }
        }
        let needed = max(2, Int((Double(pages.count) * repeatShare).rounded(.up)))
        return pages.enumerated().map { p, lines in
            let edge = margins(lines)
            return lines.enumerated().filter { i, line in
                guard edge.contains(i) else { return true }
                if isPageNumber(line.text) { return false }
                return pages.count < 2 || (seenOn[key(line.text)]?.count ?? 0) < needed
            }.map(\.1)
        }
    }
}

/// The text block of a document's pages: its left and right edges, its line height and usual line gap.
struct PageGeometry {
    let left: Double
    let right: Double
    let lineHeight: Double
    let usualGap: Double
    let hasBoxes: Bool

    init(_ lines: [LaidOutLine]) {
        let boxed = lines.filter(\.hasBox)
        hasBoxes = !boxed.isEmpty && boxed.count == lines.count
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.isEmpty ? 0 : s[s.count / 2]
        }
        lineHeight = median(boxed.map(\.height))
        // The text block's edges: where most lines start, and the furthest most lines reach.
        left = boxed.map(\.left).min() ?? 0
        let rights = boxed.map(\.right).sorted()
        right = rights.isEmpty ? 0 : rights[Int((Double(rights.count - 1) * 0.9).rounded())]
        var gaps: [Double] = []
        for (a, b) in zip(boxed, boxed.dropFirst()) where b.top > a.top { gaps.append(b.top - a.bottom) }
        usualGap = median(gaps)
    }

    /// How much of the text block's width a line of a ragged-right page reaches when the page width
    /// broke it: measured on the sample set 47 characters to a line, such lines reach 82 to 100% of
    /// it (a line of half-width digits and commas ends short), a paragraph's headings far less.
    static let raggedShare = 0.8

    /// Runs to the right edge: the page width broke it.
    func isFull(_ line: LaidOutLine) -> Bool {
        hasBoxes && line.right >= right - 1.5 * lineHeight && lineCount(line) > 1
    }

    /// Reaches most of the text block's width (``raggedShare``): the width may have broken it.
    func isMostlyFull(_ line: LaidOutLine) -> Bool {
        hasBoxes && right > left && line.right - left >= Self.raggedShare * (right - left) && lineCount(line) > 1
    }

    /// At least one character long: a one-character line is never a broken paragraph's line.
    private func lineCount(_ line: LaidOutLine) -> Int { line.text.unicodeScalars.count }

    /// Starts to the right of the block's left edge by half a character or more.
    func isIndented(_ line: LaidOutLine) -> Bool {
        !hasBoxes || line.left > left + 0.5 * lineHeight
    }

    /// No further below the line above than lines usually are (a paragraph's spacing is more).
    func isUsualGap(above: LaidOutLine, below: LaidOutLine) -> Bool {
        guard hasBoxes, below.top > above.top else { return false }
        return below.top - above.bottom <= usualGap + 0.5 * lineHeight
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
