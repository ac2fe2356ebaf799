import DocGraphQuery

/// `/sparql`: a protocol request in, an answer out, decided without any
/// HTTP framework type so that every case is tested directly.
///
/// The query is parsed, planned and evaluated by DocGraphQuery, exactly as
/// `docgraph sparql` does it; a syntax error carries the CLI's diagnostic
/// (`query:line:col: error: …` with the line and a caret), and a query
/// using a feature DocGraph refuses (DESCRIBE, FROM, GRAPH, SERVICE) gets
/// the CLI's message too.
struct SPARQLEndpoint: Sendable {
    let graph: ServedGraph
    let runner: QueryRunner

    /// What the server sends back.
    struct Answer: Sendable {
        var status: Int
        var contentType: String
        var body: [UInt8]
        var headers: [(name: String, value: String)] = []

        init(status: Int = 200, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
            self.status = status
            self.contentType = contentType
            self.body = body
            self.headers = headers
        }

        init(_ error: EndpointError) {
            self.init(status: error.status, contentType: "text/plain; charset=utf-8", body: Array((error.message + "\n").utf8),
                      headers: error.headers)
        }
    }

    /// Answers one query: parsing, negotiation, evaluation and writing all happen on the query's own
    /// thread, under its deadline.
    func answer(_ request: ProtocolRequest, accept: String?) async -> Answer {
        let snapshot = graph.snapshot
        let text = request.query
        do {
            let (type, body) = try await runner.run { token in
                let parsed: SPARQLQuery
                do throws(SPARQLSyntaxError) {
                    parsed = try SPARQLParser.parse(text)
                } catch {
                    if ProtocolRequest.looksLikeUpdate(text) { throw ProtocolRequest.readOnly.endpointError }
                    throw EndpointError(status: 400, "query:" + error.description)
                }
                if let feature = parsed.unsupported.first { throw EndpointError(status: 400, "query: error: not supported: \(feature)") }
                var graphResult = false
                if case .construct = parsed.form { graphResult = true }
                guard let type = ResultMediaType.negotiate(accept: accept, graph: graphResult) else {
                    let offered = ResultMediaType.allCases.filter { $0.isGraph == graphResult }.map(\.rawValue)
                    throw EndpointError(status: 406, "none of the accepted types fits this query's answer; offered: " + offered.joined(separator: ", "))
                }
                var evaluator = SPARQLEvaluator(store: snapshot.store)
                let result = try evaluator.run(parsed, stoppingWhen: token)
                return (type, try ResultWriter.bytes(result, as: type))
            }
            return Answer(contentType: type.contentType, body: body, headers: [("Vary", "Accept")])
        } catch let error as EndpointError {
            return Answer(error)
        } catch {
            return Answer(EndpointError(status: 500, "error: \(error)"))
        }
    }
}

extension ProtocolRequest.Refusal {
    var endpointError: EndpointError { EndpointError(status: status, message) }
}
