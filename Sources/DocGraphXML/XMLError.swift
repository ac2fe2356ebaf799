/// A problem found while reading or writing XML, with the position libxml2
/// reported so the CLI can print `file:line:col: error: …`.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or a descriptive name for in-memory input) the error is about.
    public var source: String
    /// 1-based line, or 0 when the error has no position (an I/O failure).
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// A lowercase message without position.
    public var message: String

    public init(source: String, line: Int = 0, column: Int = 0, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(source):\(line):\(max(column, 1)): error: \(message)" : "\(source): error: \(message)"
    }
}
