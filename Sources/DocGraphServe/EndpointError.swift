/// A request the server answers with an error: the HTTP status and the
/// message its body carries (plain text, one line, or the CLI's
/// diagnostic with its caret for a syntax error).
struct EndpointError: Error, Equatable, Sendable {
    var status: Int
    var message: String
    /// Extra headers, such as Retry-After on a 503.
    var headers: [(name: String, value: String)] = []

    init(status: Int, _ message: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    static func == (a: EndpointError, b: EndpointError) -> Bool {
        a.status == b.status && a.message == b.message && a.headers.map(\.name) == b.headers.map(\.name)
            && a.headers.map(\.value) == b.headers.map(\.value)
    }
}
