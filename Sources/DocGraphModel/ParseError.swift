/// A syntax or content error in an input file, with its position, so the
/// CLI can print `file:line:col: error: message`.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// 1-based; 0 when the error has no position.
    public var line: Int
    public var column: Int
    /// Lowercase, quoting the offending input where it helps.
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
