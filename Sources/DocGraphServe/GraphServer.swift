import DocGraphQuery
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `docgraph serve`: the graph loaded once, answered over HTTP until the
/// process is told to stop.
///
/// SIGINT and SIGTERM stop it cleanly: the socket stops accepting, running
/// queries are stopped through their cancellation flags, and the process
/// exits once the connections are answered. SIGHUP reloads the files
/// (``ServedGraph/reload()``).
public enum GraphServer {
    /// Where to listen and what to allow.
    public struct Options: Sendable {
        public var host: String
        /// 0 asks the system for a free port; the one chosen is logged.
        public var port: Int
        public var limits: ServerLimits
        /// Adds the CORS headers a browser-based client on another origin needs.
        public var cors: Bool

        public init(host: String = "127.0.0.1", port: Int = 7878, limits: ServerLimits = ServerLimits(), cors: Bool = false) {
            self.host = host
            self.port = port
            self.limits = limits
            self.cors = cors
        }
    }

    /// Loads the graph, serves it, and returns when a signal stops the server. `log` receives one line
    /// per event worth telling the person who started it (loaded, listening, reloaded, stopped).
    public static func run(load: @escaping ServedGraph.Loader, options: Options, log: @escaping @Sendable (String) -> Void) async throws {
        // A SIGHUP during the first load would otherwise end the process: it only means "reload".
        signal(SIGHUP, SIG_IGN)
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try ServedGraph(load: load)
        log("loaded \(graph.snapshot.store.count) triples in \(QueryRunner.seconds(clock.now - start))")
        if !isLoopback(options.host) {
            log("warning: listening on \(options.host), reachable from other machines; the endpoint has no authentication")
        }
        let runner = QueryRunner(limits: options.limits)
        var logger = Logger(label: "docgraph-serve")
        logger.logLevel = .error
        let app = Application(
            router: router(graph: graph, runner: runner, options: options),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "docgraph"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                log("listening on http://\(host):\(port)/ (SPARQL at /sparql, the evidence browser at /)")
            },
            logger: logger
        )
        // A group shuts its services down last to first: the running queries are stopped before the
        // server waits for its connections to finish.
        let group = ServiceGroup(configuration: .init(
            services: [app, HangupReloader(graph: graph, log: log), ShutdownWatcher(runner: runner, log: log)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        log("stopped")
    }

    /// Whether binding to `host` keeps the server to this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func router(graph: ServedGraph, runner: QueryRunner, options: Options) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if options.cors {
            router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.accept, .contentType], allowMethods: [.get, .post, .options]))
        }
        router.add(middleware: BrowserRoutes(graph: graph, runner: runner))
        let endpoint = SPARQLEndpoint(graph: graph, runner: runner)
        let limit = options.limits.maximumRequestBytes
        router.get("sparql") { request, _ -> Response in
            let queryString = Array((request.uri.query ?? "").utf8)
            guard queryString.count <= limit else {
                return response(.init(EndpointError(status: 414, "the query string is longer than \(limit) bytes (--max-request-bytes); POST the query instead")))
            }
            do throws(ProtocolRequest.Refusal) {
                let operation = try ProtocolRequest.get(queryString: queryString)
                return response(await endpoint.answer(operation, accept: request.headers[.accept]))
            } catch {
                return response(.init(error.endpointError))
            }
        }
        router.post("sparql") { request, _ -> Response in
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                return response(.init(EndpointError(status: 413, "the request body is larger than \(limit) bytes (--max-request-bytes)")))
            }
            do throws(ProtocolRequest.Refusal) {
                let operation = try ProtocolRequest.post(contentType: request.headers[.contentType],
                                                         queryString: Array((request.uri.query ?? "").utf8),
                                                         body: Array(buffer: body))
                return response(await endpoint.answer(operation, accept: request.headers[.accept]))
            } catch {
                return response(.init(error.endpointError))
            }
        }
        return router
    }

    static func response(_ answer: SPARQLEndpoint.Answer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// Reloads the graph on each SIGHUP, logging what came of it.
private struct HangupReloader: Service {
    let graph: ServedGraph
    let log: @Sendable (String) -> Void

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            log("reloading")
            switch await graph.reload() {
            case .reloaded(let snapshot): log("reloaded: \(snapshot.store.count) triples")
            case .failed(let error): log("reload failed, still serving the previous graph: \(error)")
            case .alreadyReloading: log("a reload is already running")
            }
        }
    }
}

/// Stops every running query when a shutdown begins, so that the server's graceful end does not wait
/// for a runaway query's timeout.
private struct ShutdownWatcher: Service {
    let runner: QueryRunner
    let log: @Sendable (String) -> Void

    func run() async throws {
        try? await gracefulShutdown()
        log("stopping")
        runner.close()
    }
}
