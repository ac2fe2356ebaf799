import DocGraphModel

/// Resolves relative IRI references against a base, as RFC 3986 §5.2
/// prescribes (RDF/XML's `xml:base`, `rdf:about="#x"`, `--base` on the CLI).
public enum IRIResolver {
    struct Parts {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?
    }

    static func split(_ s: String) -> Parts {
        var rest = Substring(s)
        var parts = Parts(path: "")
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            parts.query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        if let colon = rest.firstIndex(of: ":"), isScheme(rest[..<colon]) {
            parts.scheme = rest[..<colon]
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            parts.authority = rest[afterSlashes..<end]
            rest = rest[end...]
        }
        parts.path = rest
        return parts
    }

    static func isScheme(_ s: Substring) -> Bool {
        func isLetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        guard let f = s.unicodeScalars.first, isLetter(f.value) else { return false }
        return s.unicodeScalars.allSatisfy {
            let v = $0.value
            return isLetter(v) || (0x30...0x39).contains(v) || v == 0x2B || v == 0x2D || v == 0x2E
        }
    }

    /// The reference resolved against `base`. An absolute reference is
    /// returned with its dot segments removed.
    public static func resolve(_ reference: String, against base: String) -> String {
        if isPlainAbsolute(reference) { return reference }
        let r = split(reference)
        var t = Parts(path: "")
        if r.scheme != nil {
            t = r
            t.path = Substring(removeDotSegments(String(r.path)))
        } else {
            let b = split(base)
            if r.authority != nil {
                t.authority = r.authority
                t.path = Substring(removeDotSegments(String(r.path)))
                t.query = r.query
            } else {
                if r.path.isEmpty {
                    t.path = b.path
                    t.query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        t.path = Substring(removeDotSegments(String(r.path)))
                    } else {
                        t.path = Substring(removeDotSegments(merge(base: b, path: r.path)))
                    }
                    t.query = r.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
            t.fragment = r.fragment
        }
        t.fragment = r.fragment
        var out = ""
        if let s = t.scheme { out += s + ":" }
        if let a = t.authority { out += "//" + a }
        out += t.path
        if let q = t.query { out += "?" + q }
        if let f = t.fragment { out += "#" + f }
        return out
    }

    /// True for an absolute IRI with no dot segment and no character an IRI
    /// never holds — the common case, which resolves to itself.
    static func isPlainAbsolute(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u -> Bool in
            guard var k = IRI.schemeEnd(utf8: u) else { return false }
            let n = u.count
            var previous: UInt8 = 0x2F
            var inPath = true
            k += 1
            while k < n {
                let c = u[k]
                k += 1
                if c >= 0x80 { previous = c; continue }
                if IRI.isForbiddenASCII(c) { return false }
                if inPath {
                    if c == 0x2E && previous == 0x2F { return false }  // "/." may start a dot segment
                    if c == 0x3F || c == 0x23 { inPath = false }        // query or fragment: the path is done
                }
                previous = c
            }
            return true
        }
    }

    /// `base` without its fragment: the document IRI that `rdf:ID` and
    /// `#name` references hang from.
    public static func stripFragment(_ base: String) -> String {
        if let hash = base.firstIndex(of: "#") { return String(base[..<hash]) }
        return base
    }

    static func merge(base: Parts, path: Substring) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return String(path)
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.startIndex
                let searchFrom = input.hasPrefix("/") ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
