/// What a client asked of `/sparql`, read from an HTTP request as the SPARQL
/// 1.1 Protocol (§2.1) lays it out: a query by GET (`?query=`), by POST of a
/// form (`query=` in an `application/x-www-form-urlencoded` body) or by POST
/// of the query itself (`application/sparql-query`). The HTTP layer hands
/// over bytes; everything about their meaning is decided here, so it is
/// tested without a socket.
struct ProtocolRequest: Equatable {
    /// The query's text.
    var query: String

    /// Why a request carries no query the endpoint will run, with the status the protocol gives it.
    struct Refusal: Error, Equatable {
        var status: Int
        var message: String
    }

    /// Reads a GET's query string.
    static func get(queryString: [UInt8]) throws(Refusal) -> ProtocolRequest {
        try fromParameters(try FormFields(queryString))
    }

    /// Reads a POST: `contentType` is the header's value (parameters such as `charset` allowed).
    static func post(contentType: String?, queryString: [UInt8], body: [UInt8]) throws(Refusal) -> ProtocolRequest {
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmed.lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded":
            var fields = try FormFields(body)
            // Parameters may also sit in the URL of a form POST (e.g. default-graph-uri).
            fields.merge(try FormFields(queryString))
            return try fromParameters(fields)
        case "application/sparql-query":
            guard let text = String(validating: body, as: UTF8.self) else {
                throw Refusal(status: 400, message: "the query is not valid UTF-8")
            }
            try refuseDataset(try FormFields(queryString))
            return ProtocolRequest(query: text)
        case "application/sparql-update":
            throw readOnly
        case "":
            throw Refusal(status: 415, message: "a POST to /sparql needs a Content-Type: application/sparql-query or application/x-www-form-urlencoded")
        default:
            throw Refusal(status: 415, message: "cannot read a POST body of type \(mediaType): send application/sparql-query or application/x-www-form-urlencoded")
        }
    }

    /// What the protocol answers an update sent to a read-only service.
    static let readOnly = Refusal(status: 403, message: "this endpoint is read-only: SPARQL Update is not accepted")

    private static func fromParameters(_ fields: FormFields) throws(Refusal) -> ProtocolRequest {
        if fields.values("update").count > 0 { throw readOnly }
        let queries = fields.values("query")
        guard queries.count == 1 else {
            throw Refusal(status: 400, message: queries.isEmpty ? "no query: give it as the parameter query=" : "more than one query= parameter")
        }
        try refuseDataset(fields)
        return ProtocolRequest(query: queries[0])
    }

    /// A DocGraph graph is the dataset: a request naming other graphs gets an error, not an answer from the wrong data.
    private static func refuseDataset(_ fields: FormFields) throws(Refusal) {
        for name in ["default-graph-uri", "named-graph-uri"] where !fields.values(name).isEmpty {
            throw Refusal(status: 400, message: "\(name) is not supported: the served files are the dataset")
        }
    }

    /// Whether a query text that failed to parse is an update (`INSERT`, `DELETE`, `LOAD`, …) after its
    /// prologue: such a text is refused as an update (403), not reported as a syntax error.
    static func looksLikeUpdate(_ text: String) -> Bool {
        let updateWords: Set<String> = ["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"]
        var words = SPARQLWords(text)
        while let word = words.next() {
            switch word.uppercased() {
            case "PREFIX": _ = words.next(); _ = words.next()   // the prefix name and its IRI
            case "BASE": _ = words.next()
            case let w: return updateWords.contains(w)
            }
        }
        return false
    }
}

/// The words of a query's prologue: runs of non-space, comments skipped.
private struct SPARQLWords: IteratorProtocol {
    private var scalars: [Unicode.Scalar]
    private var at = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars.prefix(4096)) }

    mutating func next() -> String? {
        while at < scalars.count {
            let c = scalars[at]
            if c == "#" {
                while at < scalars.count && scalars[at] != "\n" { at += 1 }
            } else if c.properties.isWhitespace {
                at += 1
            } else {
                break
            }
        }
        guard at < scalars.count else { return nil }
        var word = String.UnicodeScalarView()
        if scalars[at] == "<" {
            // An IRI is one word, whatever it holds.
            while at < scalars.count && scalars[at] != ">" { word.append(scalars[at]); at += 1 }
            at += 1
            return String(word) + ">"
        }
        while at < scalars.count && !scalars[at].properties.isWhitespace && scalars[at] != "{" && scalars[at] != "<" {
            word.append(scalars[at]); at += 1
        }
        if word.isEmpty { word.append(scalars[at]); at += 1 }
        return String(word)
    }
}

extension Substring {
    var trimmed: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
