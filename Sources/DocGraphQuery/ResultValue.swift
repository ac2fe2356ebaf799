/// One cell of a ``ResultTable``, keeping its type for JSON: a confidence is a number there, a list
/// of aliases an array, the evidence of a relation an array of objects. The text formats (table,
/// CSV, TSV) show every kind as text.
public indirect enum ResultValue: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    case integer(Int)
    case number(Double)
    /// Absent (a PDF page of a text document): empty in text, `null` in JSON.
    case null
    /// Names and the like: joined by `|` in text, an array of strings in JSON.
    case list([String])
    /// Rows of their own (a relation's evidence): in JSON an array of objects keyed by the
    /// columns; in text each row is a line of the outer table, the columns taking the cell's place.
    case table(columns: [String], rows: [[ResultValue]])
    /// Named fields in a fixed order (a JSON object).
    case object([(key: String, value: ResultValue)])
    /// Values in order (a JSON array).
    case array([ResultValue])

    public init(stringLiteral value: String) { self = .text(value) }

    /// An optional integer, `null` when absent.
    public static func integer(_ n: Int?) -> ResultValue { n.map { .integer($0) } ?? .null }

    /// The cell as text: numbers as Swift prints them (0.9, 12), lists joined by `|`.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .number(let d): return String(d)
        case .null: return ""
        case .list(let items): return items.joined(separator: "|")
        case .table, .object, .array: return json
        }
    }

    /// The cell as JSON, on one line.
    public var json: String {
        switch self {
        case .text(let s): return ResultTable.jsonString(s)
        case .integer(let n): return String(n)
        case .number(let d): return d.isFinite ? String(d) : "null"
        case .null: return "null"
        case .list(let items): return "[" + items.map(ResultTable.jsonString).joined(separator: ",") + "]"
        case .table(let columns, let rows):
            return "[" + rows.map { ResultValue.object(Array(zip(columns, $0)).map { (key: $0.0, value: $0.1) }).json }.joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.map { ResultTable.jsonString($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map(\.json).joined(separator: ",") + "]"
        }
    }

    public static func == (a: ResultValue, b: ResultValue) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.null, .null): return true
        case (.list(let x), .list(let y)): return x == y
        case (.table(let c1, let r1), .table(let c2, let r2)): return c1 == c2 && r1 == r2
        case (.object(let x), .object(let y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        case (.array(let x), .array(let y)): return x == y
        default: return false
        }
    }
}
