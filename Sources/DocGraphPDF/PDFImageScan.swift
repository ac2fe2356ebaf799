/// Finds the largest image a PDF declares, from its bytes, before Poppler
/// decodes anything: an image's dictionary (`/Subtype /Image … /Width N
/// /Height M`) is a stream dictionary, and stream dictionaries are never
/// compressed inside object streams, so each one is in the file as written.
/// A file that declares an image of billions of pixels in a few bytes of
/// deflate is refused on this alone. (Inline images inside content streams
/// are not seen here; PDF bounds them to small sizes in practice.)
enum PDFImageScan {
    /// How far around `/Subtype /Image` its dictionary's `/Width` and `/Height` are looked for.
    static let window = 2_048

    static func largestImage(in bytes: [UInt8]) -> (width: Int, height: Int)? {
        let subtype = Array("/Subtype".utf8), image = Array("/Image".utf8)
        var best: (width: Int, height: Int)?
        var i = 0
        bytes.withUnsafeBufferPointer { b in
            while let at = find(subtype, in: b, from: i) {
                i = at + subtype.count
                var k = i
                while k < b.count, isSpace(b[k]) { k += 1 }
                guard k + image.count <= b.count, Array(b[k..<k + image.count]) == image,
                      k + image.count == b.count || !isRegular(b[k + image.count]) else { continue }
                // The dictionary around it: from its `<<` to its `>>`, at most `window` either side.
                let lo = max(0, at - window), hi = min(b.count, k + window)
                var start = at
                while start > lo, !(b[start - 1] == 0x3C && start >= 2 && b[start - 2] == 0x3C) { start -= 1 }
                var end = k
                while end < hi, !(b[end] == 0x3E && end + 1 < b.count && b[end + 1] == 0x3E) { end += 1 }
                let dict = UnsafeBufferPointer(rebasing: b[start..<end])
                guard let w = integer(after: "/Width", in: dict), let h = integer(after: "/Height", in: dict) else { continue }
                if w * h > (best.map { $0.width * $0.height } ?? -1) { best = (w, h) }
            }
        }
        return best
    }

    /// The direct integer value of `key` in `dict` (an indirect `12 0 R` is not followed).
    static func integer(after key: String, in dict: UnsafeBufferPointer<UInt8>) -> Int? {
        let k = Array(key.utf8)
        var from = 0
        while let at = find(k, in: dict, from: from) {
            from = at + k.count
            guard from < dict.count, !isRegular(dict[from]) || isSpace(dict[from]) else { continue }
            var j = from
            while j < dict.count, isSpace(dict[j]) { j += 1 }
            var value = 0, digits = 0
            while j < dict.count, dict[j] >= 0x30, dict[j] <= 0x39, digits < 12 {
                value = value * 10 + Int(dict[j] - 0x30)
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            var r = j
            while r < dict.count, isSpace(dict[r]) { r += 1 }
            // `12 0 R` is a reference, not a size.
            if r < dict.count, dict[r] >= 0x30, dict[r] <= 0x39 {
                var q = r
                while q < dict.count, dict[q] >= 0x30, dict[q] <= 0x39 { q += 1 }
                while q < dict.count, isSpace(dict[q]) { q += 1 }
                if q < dict.count, dict[q] == 0x52 { return nil }
            }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= hay.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }

    /// A regular character continues a name (`/Image` is not `/ImageB`).
    static func isRegular(_ c: UInt8) -> Bool {
        !isSpace(c) && !"()<>[]{}/%".utf8.contains(c)
    }
}
