import Foundation

/// The text form of trained weights: a few header lines, then one line per
/// feature (its name, a tab, and one integer weight per label), features in
/// code-point order. Text, so a model can be read, compared and diffed; one
/// order, so the same model is always the same bytes.
///
/// ```
/// # DocGraph trained weights (docgraph train)
/// kind	linear
/// labels	NONE	enacted	amended
/// before=制定	-1200	8700	-300
/// ```

public enum WeightFile {
    public struct Error: Swift.Error, Sendable, Equatable {
        public var path: String
        public var line: Int?
        public var message: String

        public init(path: String, line: Int?, message: String) {
            self.path = path
            self.line = line
            self.message = message
        }
    }

    public static func write(_ model: LinearClassifier, comment: String) -> String {
        var out = header(comment, kind: "linear", labels: model.labels)
        append(model.table, to: &out)
        return out
    }

    static func header(_ comment: String, kind: String, labels: [String]) -> String {
        var out = ""
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { out += "# " + line + "\n" }
        out += "kind\t" + kind + "\n"
        out += "labels\t" + labels.joined(separator: "\t") + "\n"
        return out
    }

    static func append(_ table: [(name: String, weights: [Int32])], to out: inout String) {
        for (name, w) in table {
            out += escape(name) + "\t" + w.map(String.init).joined(separator: "\t") + "\n"
        }
    }

    /// Names carry text from documents: a tab, line break or backslash in one is escaped.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var escaped = false
        for c in s.unicodeScalars {
            if escaped {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    struct Parsed {
        var kind: String
        var labels: [String]
        var table: [(name: String, weights: [Int32])]
    }

    static func parse(_ text: String, path: String) throws(Error) -> Parsed {
        var kind: String?
        var labels: [String]?
        var table: [(name: String, weights: [Int32])] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            func weights(_ cells: ArraySlice<Substring>) throws(Error) -> [Int32] {
                guard let labels else { throw Error(path: path, line: number, message: "weights before the 'labels' line") }
                guard cells.count == labels.count else {
                    throw Error(path: path, line: number, message: "\(cells.count) weights where there are \(labels.count) labels")
                }
                var out: [Int32] = []
                for c in cells {
                    guard let v = Int32(c) else { throw Error(path: path, line: number, message: "'\(c)' is not an integer weight") }
                    out.append(v)
                }
                return out
            }
            switch cells[0] {
            case "kind" where kind == nil && cells.count == 2: kind = String(cells[1])
            case "labels" where labels == nil && cells.count >= 2: labels = cells.dropFirst().map(String.init)
            default:
                table.append((unescape(cells[0]), try weights(cells.dropFirst())))
            }
        }
        guard let kind else { throw Error(path: path, line: nil, message: "no 'kind' line: not a file of trained weights") }
        guard let labels else { throw Error(path: path, line: nil, message: "no 'labels' line") }
        return Parsed(kind: kind, labels: labels, table: table)
    }

    public static func readLinear(path: String) throws(Error) -> LinearClassifier {
        let p = try parse(read(path), path: path)
        guard p.kind == "linear" else { throw Error(path: path, line: nil, message: "holds a '\(p.kind)' model where a linear one is expected") }
        return LinearClassifier(labels: p.labels, table: p.table)
    }

    static func read(_ path: String) throws(Error) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw Error(path: path, line: nil, message: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw Error(path: path, line: nil, message: "is not UTF-8") }
        return text
    }
}
