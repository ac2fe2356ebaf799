/// What is wrong with a gold file or an annotated corpus, and where: the file, the line and column
/// when there is one, and a lowercase message that names the item (`entities[3] (id 'xgcpc')`).
///
/// Errors are data: a caller can tell the kinds apart, and the command line prints
/// ``description`` as `file:line:col: error: message`, the way every other input error is printed.
public struct GoldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that treat some errors apart.
    public enum Kind: String, Sendable, Equatable {
        /// The file is missing or cannot be read.
        case unreadable
        /// Not JSON at all: a syntax error.
        case malformedJSON
        /// A member missing or of the wrong type (`"aliases": "市委"`).
        case invalidField
        case emptyID
        case duplicateID
        /// A relation end (or the author) that is no entity's id.
        case unresolvedID
        /// A predicate the scorer does not count.
        case unknownPredicate
        /// A type that is not a class of the ontology.
        case unknownClass
        /// A corpus root that is not there.
        case noSuchFolder
        /// `NAME.json` with no `NAME.*` document beside it.
        case goldWithoutDocument
        /// Two documents, `NAME.txt` and `NAME.html`, for one `NAME.json`.
        case ambiguousDocument
        /// A gold file named where a document or a folder was expected.
        case notADocument
    }

    /// What went wrong.
    public var kind: Kind
    /// The file (or folder) the error is about.
    public var path: String
    /// 1-based; 0 when the error has no position.
    public var line: Int
    /// 1-based, in characters; 0 when the error has no position.
    public var column: Int
    /// Lowercase, naming the entity or relation and quoting the input.
    public var message: String

    /// An error about `path`, at a line and column when there is one.
    public init(_ kind: Kind, path: String, line: Int = 0, column: Int = 0, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: error: message`, or `file: error: message` without a position.
    public var description: String {
        line > 0 ? "\(path):\(line):\(max(column, 1)): error: \(message)" : "\(path): error: \(message)"
    }
}
