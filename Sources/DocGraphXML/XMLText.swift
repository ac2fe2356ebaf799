import DocGraphModel

/// Character-level rules of XML 1.0 that every writer in DocGraph relies on.
public enum XMLText {
    /// Whether XML 1.0 can carry this scalar at all (its `Char` production).
    @inlinable
    public static func isAllowed(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF: return true
        case 0xE000...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The string with every character XML 1.0 cannot carry replaced by
    /// U+FFFD, so no input can make a malformed file. Returns the string
    /// itself (no copy) in the common case where nothing needs replacing.
    public static func sanitized(_ s: String) -> String {
        if !needsSanitizing(s) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append(isAllowed(u.value) ? u : "\u{FFFD}")
        }
        return String(out)
    }

    /// True when `s` holds a character XML 1.0 cannot carry.
    public static func needsSanitizing(_ s: String) -> Bool {
        // Scan UTF-8 bytes: controls are single bytes, and U+FFFE/U+FFFF are
        // the only disallowed scalars above U+001F (EF BF BE, EF BF BF).
        var s = s
        return s.withUTF8 { u -> Bool in
            var pendingEF = 0
            for b in u {
                if b >= 0x20 && b != 0xEF && pendingEF == 0 { continue }  // the common case
                if b < 0x20 {
                    if b != 0x9 && b != 0xA && b != 0xD { return true }
                    pendingEF = 0
                } else if b == 0xEF {
                    pendingEF = 1
                } else if pendingEF == 1 && b == 0xBF {
                    pendingEF = 2
                } else if pendingEF == 2 && b >= 0xBE {
                    return true
                } else {
                    pendingEF = 0
                }
            }
            return false
        }
    }

    /// Whether `s` is an XML `NCName` (a name without a colon), the form a
    /// prefix, a local name of an element or an attribute must take.
    public static func isNCName(_ s: String) -> Bool { NameCharacters.isNCName(s) }
}
