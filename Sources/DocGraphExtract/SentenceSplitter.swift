/// Cuts text into sentences at 。！？；and line breaks, keeping offsets.
/// Quotes and brackets are respected: a stop inside “…” or 《…》 does not end
/// the sentence. A sentence is never longer than ``maximumLength`` scalars,
/// so text without punctuation still splits in bounded time and memory.
public enum SentenceSplitter {
    public static let maximumLength = 2_000

    /// The closing mark of a quote or bracket that opens with `u`.
    @inline(__always)
    static func closer(of u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "“": return "”"
        case "《": return "》"
        case "（": return "）"
        case "(": return ")"
        case "「": return "」"
        default: return nil
        }
    }

    @inline(__always)
    static func isStop(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "。", "！", "？", "；", "!", "?", "\n", "\r": return true
        default: return false
        }
    }

    /// Half-open ranges of the sentences, whitespace trimmed, empty ones left out.
    public static func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var closers: [Unicode.Scalar] = []
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && s[a].properties.isWhitespace { a += 1 }
            while b > a && s[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { out.append(a..<b) }
            start = end
            closers.removeAll()
        }
        for i in s.indices {
            let c = s[i]
            if let closer = closer(of: c) {
                closers.append(closer)
            } else if let last = closers.last, c == last {
                closers.removeLast()
            }
            if c == "\n" || c == "\r" || (closers.isEmpty && isStop(c)) || i + 1 - start >= maximumLength {
                close(i + 1)
            }
        }
        close(s.count)
        return out
    }

    /// Clauses of a sentence (split at ，and ：), for rules that must not
    /// reach across a comma.
    public static func clauses(_ s: [Unicode.Scalar], in sentence: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = sentence.lowerBound
        var depth = 0
        for i in sentence {
            switch s[i] {
            case "《", "“", "（": depth += 1
            case "》", "”", "）": depth = max(0, depth - 1)
            case "，", "：", ",", ":": if depth == 0 { out.append(start..<i); start = i + 1 }
            default: break
            }
        }
        out.append(start..<sentence.upperBound)
        return out.filter { !$0.isEmpty }
    }
}
