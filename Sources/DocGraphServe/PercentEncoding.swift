/// `%XX` escapes in URLs and form fields, decoded by hand rather than by the HTTP framework so that
/// a malformed escape can be told apart (a clear 400) from a value silently altered.
enum PercentEncoding {
    /// The bytes `encoded` stands for, `+` read as a space when `plusIsSpace` (form fields); nil when
    /// an escape is malformed. Whether the bytes are UTF-8 is the caller's question.
    static func bytes<C: Collection>(_ encoded: C, plusIsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count)
        var i = encoded.startIndex
        while i < encoded.endIndex {
            let b = encoded[i]
            if b == UInt8(ascii: "%") {
                let first = encoded.index(after: i)
                guard first < encoded.endIndex, encoded.index(after: first) < encoded.endIndex,
                      let high = hexValue(encoded[first]), let low = hexValue(encoded[encoded.index(after: first)]) else { return nil }
                out.append(high << 4 | low)
                i = encoded.index(first, offsetBy: 2)
                continue
            }
            out.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i = encoded.index(after: i)
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
