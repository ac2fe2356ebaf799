import DocGraphQuery
import HTTPTypes
import Hummingbird

/// Routes the evidence browser's paths before the router sees them: an
/// entity's IRI is part of the path (`/entity/https://…`), slashes and
/// all, and is read from the raw path so that no normalisation of the
/// framework's (empty segments, dot segments) can change which entity a
/// link names. Nothing here reads a file: every page is made from the graph.
struct BrowserRoutes: RouterMiddleware {
    typealias Context = BasicRequestContext
    let graph: ServedGraph
    let runner: QueryRunner

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        let path = request.uri.path
        let store = graph.snapshot.store
        if path == "/" || path == "/index.html" {
            let text: String
            do throws(ProtocolRequest.Refusal) {
                text = try FormFields(Array((request.uri.query ?? "").utf8)).values("q").first ?? ""
            } catch {
                return GraphServer.response(.init(error.endpointError))
            }
            return await page { EvidenceBrowser.search(text, in: store) }
        }
        if path == "/documents" {
            return await page { EvidenceBrowser.documents(in: store) }
        }
        for (prefix, isPicture) in [("/entity/", false), ("/picture/", true)] where path.hasPrefix(prefix) {
            guard let iri = BrowserPage.percentDecoded(path.dropFirst(prefix.count)), !iri.isEmpty else {
                return GraphServer.response(.init(EndpointError(status: 400, "the path does not name an IRI (malformed %-escape or not UTF-8)")))
            }
            if isPicture {
                return await answer {
                    guard let svg = try EvidenceBrowser.picture(iri, in: store) else { throw Self.notFound(iri) }
                    return SPARQLEndpoint.Answer(contentType: "image/svg+xml", body: svg)
                }
            }
            return await page {
                guard let html = EvidenceBrowser.entity(iri, in: store) else { throw Self.notFound(iri) }
                return html
            }
        }
        return try await next(request, context)
    }

    static func notFound(_ iri: String) -> EndpointError {
        EndpointError(status: 404, "the graph says nothing about <\(iri)>")
    }

    /// A page made on a query thread (a search reads every name; a picture runs Graphviz).
    private func page(_ make: @escaping @Sendable () throws -> String) async -> Response {
        await answer { SPARQLEndpoint.Answer(contentType: "text/html; charset=utf-8", body: Array(try make().utf8)) }
    }

    private func answer(_ make: @escaping @Sendable () throws -> SPARQLEndpoint.Answer) async -> Response {
        do {
            return GraphServer.response(try await runner.run { _ in try make() })
        } catch let error as EndpointError {
            return GraphServer.response(.init(error))
        } catch {
            return GraphServer.response(.init(EndpointError(status: 500, "error: \(error)")))
        }
    }
}
