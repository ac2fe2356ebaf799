import Testing
@testable import DocGraphServe

/// Reading the SPARQL 1.1 Protocol's three ways of sending a query, and refusing what the endpoint
/// does not take, with the status the protocol gives it.
struct ProtocolRequestTests {
    @Test func getDecodesPercentEscapesAndPlusSigns() throws {
        let r = try ProtocolRequest.get(queryString: Array("query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%22%E6%9D%AD%E5%B7%9E%22+%7D".utf8))
        #expect(r.query == "SELECT * WHERE { ?s ?p \"杭州\" }")
    }

    @Test func formPostReadsTheQueryField() throws {
        let r = try ProtocolRequest.post(contentType: "application/x-www-form-urlencoded; charset=UTF-8", queryString: [],
                                         body: Array("query=ASK+%7B%7D&timeout=5".utf8))
        #expect(r.query == "ASK {}")
    }

    @Test func directPostTakesTheBodyAsTheQuery() throws {
        let r = try ProtocolRequest.post(contentType: "application/sparql-query", queryString: [], body: Array("ASK { }".utf8))
        #expect(r.query == "ASK { }")
    }

    @Test(arguments: [
        ("GET", "", "", 400, "no query: give it as the parameter query="),
        ("GET", "", "query=a&query=b", 400, "more than one query= parameter"),
        ("GET", "", "update=INSERT+DATA+%7B%7D", 403, "this endpoint is read-only: SPARQL Update is not accepted"),
        ("POST", "application/sparql-update", "", 403, "this endpoint is read-only: SPARQL Update is not accepted"),
        ("GET", "", "query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fx", 400, "default-graph-uri is not supported: the served files are the dataset"),
        ("GET", "", "query=%FF%FE", 400, "the request's parameters are not valid UTF-8"),
        ("GET", "", "query=%E6%9D", 400, "the request's parameters are not valid UTF-8"),
        ("GET", "", "query=%E6%9", 400, "malformed %-escape in the request's parameters"),
        ("GET", "", "query=%zz", 400, "malformed %-escape in the request's parameters"),
        ("POST", "application/sparql-query", "\u{FF}", 400, "the query is not valid UTF-8"),
        ("POST", "text/plain", "", 415, "cannot read a POST body of type text/plain: send application/sparql-query or application/x-www-form-urlencoded"),
    ])
    func refusals(method: String, contentType: String, input: String, status: Int, message: String) {
        // "\u{FF}" stands for the single invalid byte 0xFF in a body.
        let bytes: [UInt8] = input == "\u{FF}" ? [0xFF, 0x41] : Array(input.utf8)
        do {
            if method == "GET" {
                _ = try ProtocolRequest.get(queryString: bytes)
            } else {
                _ = try ProtocolRequest.post(contentType: contentType, queryString: [], body: bytes)
            }
            Issue.record("accepted: \(input)")
        } catch {
            #expect(error == ProtocolRequest.Refusal(status: status, message: message))
        }
    }

    @Test(arguments: [
        ("INSERT DATA { <a> <b> <c> }", true),
        ("PREFIX ex: <http://example.org/> # a comment\n DELETE WHERE { ?s ex:p ?o }", true),
        ("BASE <http://x/> LOAD <http://example.org/data>", true),
        ("SELECT * WHERE { ?s ?p ?o }", false),
        ("SELEKT * WHERE { ?s ?p ?o }", false),
    ])
    func updatesAreToldApartFromSyntaxErrors(text: String, isUpdate: Bool) {
        #expect(ProtocolRequest.looksLikeUpdate(text) == isUpdate)
    }
}
