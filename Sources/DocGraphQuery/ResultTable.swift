import Foundation

/// Rows of cells under named columns: what every query command prints, in
/// the format the user picks. Cells keep their type (``ResultValue``) for JSON.
public struct ResultTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[ResultValue]]
    /// The answer as one JSON value, when it is not one object per row (``GraphQuery/describe(_:)``
    /// gives one object per entity; its rows are a view of them for the text formats).
    public var document: ResultValue?

    public init(columns: [String], rows: [[ResultValue]] = [], document: ResultValue? = nil) {
        self.columns = columns
        self.rows = rows
        self.document = document
    }

    /// The rows as the text formats show them: a cell holding rows of its own (a relation's
    /// evidence) gives one line per row, its columns in its place; with no rows, one line of
    /// empty cells.
    public var textRows: [[String]] {
        let nested = nestedColumns
        return rows.flatMap { row -> [[String]] in
            var lines: [[String]] = [[]]
            for (k, cell) in row.enumerated() {
                if case .table(_, let inner) = cell {
                    let width = nested[k]?.count ?? 0
                    let expanded = inner.isEmpty ? [[String](repeating: "", count: width)] : inner.map { $0.map(\.text) }
                    lines = lines.flatMap { line in expanded.map { line + $0 } }
                } else {
                    lines = lines.map { $0 + [cell.text] }
                }
            }
            return lines
        }
    }

    /// The header of the text formats: a column of nested rows gives its own columns.
    var textColumns: [String] {
        let nested = nestedColumns
        return columns.enumerated().flatMap { k, name in nested[k] ?? [name] }
    }

    /// The columns of the rows a column's cells hold, when it holds rows (a relation's evidence):
    /// declared, so that the header of an empty answer names them too.
    public var nested: [String: [String]] = [:]

    /// The columns of the nested rows in each column that has them.
    private var nestedColumns: [Int: [String]] {
        var out: [Int: [String]] = [:]
        for (k, name) in columns.enumerated() { out[k] = nested[name] }
        for row in rows {
            for (k, cell) in row.enumerated() where out[k] == nil {
                if case .table(let columns, _) = cell { out[k] = columns }
            }
        }
        return out
    }

    public enum Format: String, Sendable, CaseIterable {
        case table, csv, tsv, json
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .table: return aligned()
        case .csv: return ([textColumns] + textRows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .tsv: return ([textColumns] + textRows).map { $0.map(Self.tsvField).joined(separator: "\t") }.joined(separator: "\n") + "\n"
        case .json: return json()
        }
    }

    /// Columns padded to the widest cell, counting a Chinese character (or
    /// any East Asian wide or full-width one) as two columns, as terminals
    /// draw them.
    func aligned() -> String {
        let columns = textColumns
        let body = textRows.map { $0.map(Self.oneLine) }
        let all = [columns] + body
        var widths = [Int](repeating: 0, count: columns.count)
        for row in all { for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], Self.displayWidth(cell)) } }
        func line(_ row: [String]) -> String {
            var out = ""
            for (k, cell) in row.enumerated() {
                out += cell
                if k < row.count - 1 { out += String(repeating: " ", count: widths[k] - Self.displayWidth(cell) + 2) }
            }
            return out
        }
        let rule = widths.enumerated().map { k, w in String(repeating: "-", count: w) + (k < widths.count - 1 ? "  " : "") }.joined()
        return ([line(columns), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// An array of objects, one per row, keyed by column, each cell in its type (or the
    /// table's ``document``); one object a line.
    func json() -> String {
        if case .array(let items)? = document { return "[" + items.map(\.json).joined(separator: ",\n ") + "]\n" }
        if let document { return document.json + "\n" }
        let objects = rows.map { row in
            ResultValue.object(zip(columns, row).map { (key: $0, value: $1) }).json
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    public static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Terminal columns of one scalar: 0 for combining marks and controls, 2 for East Asian wide and full-width.
    static func width(of u: Unicode.Scalar) -> Int {
        switch u.value {
        case 0..<0x20, 0x7F..<0xA0, 0x300...0x36F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    static func oneLine(_ s: String) -> String {
        s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) ? s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : String($0) }.joined() : s
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Tabs, line breaks and backslashes escaped, as in PostgreSQL's text format.
    static func tsvField(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (the report's data block uses it too).
    package static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
