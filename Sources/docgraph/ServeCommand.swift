import ArgumentParser
import DocGraphServe
import Foundation

/// `docgraph serve`: a SPARQL 1.1 Protocol endpoint over graph files, loaded once.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve graphs over HTTP: a SPARQL 1.1 endpoint at /sparql.",
        discussion: """
        The graphs are read once (several files are one union graph); SIGHUP reads them again, answering
        from the old graph until the new one is loaded and keeping it if the new one fails to load.
        SIGINT or SIGTERM stops the server. Queries run on the engine of docgraph sparql.
        Examples:
          docgraph serve graph.nt
          docgraph serve a.rdf b.ttl --port 8000 --timeout 10 --cors
          curl 'http://127.0.0.1:7878/sparql' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
        """)

    @Argument(help: "The graphs (.rdf, .graphml, .nt or .ttl).") var graphs: [String] = []
    @Option(help: "The address to listen on; anything but loopback is reachable from other machines.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, the one chosen is printed).") var port = 7878
    @Option(help: "Seconds a query may run before it is stopped.") var timeout = 30.0
    @Option(help: "The most solutions any step of a query may hold; a query needing more is stopped.")
    var maxRows = 1_000_000
    @Option(help: "The largest request body or query string, in bytes.") var maxRequestBytes = 1 << 20
    @Option(help: "How many queries run at once; more are answered 503 at once.") var maxQueries = 4
    @Flag(help: "Add the CORS headers that browser-based clients on other origins need.") var cors = false

    func validate() throws {
        if graphs.isEmpty { throw ValidationError("give at least one graph file to serve") }
        for path in graphs { _ = try GraphFormat.of(path) }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard maxRows > 0 else { throw ValidationError("--max-rows must be at least 1") }
        guard maxRequestBytes >= 1024 else { throw ValidationError("--max-request-bytes must be at least 1024") }
        guard maxQueries > 0 else { throw ValidationError("--max-queries must be at least 1") }
    }

    func run() throws {
        let limits = ServerLimits(timeout: .milliseconds(Int64((timeout * 1000).rounded())), maximumRows: maxRows,
                                  maximumRequestBytes: maxRequestBytes, maximumConcurrentQueries: maxQueries)
        let options = GraphServer.Options(host: host, port: port, limits: limits, cors: cors)
        let paths = graphs
        // The server is async; the command line's entry point is not: the main thread waits for it.
        let finished = DispatchSemaphore(value: 0)
        let failure = LockedError()
        Task {
            do {
                try await GraphServer.run(load: { try GraphFiles.readStore(paths) }, options: options) { line in
                    printError("docgraph serve: " + line)
                }
            } catch {
                failure.set(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.get() {
            printError(Self.message(error))
            throw ExitCode.failure
        }
    }

    /// An error as the other commands print it: `file:line:col: error: …` when it names a place.
    static func message(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.contains("error:") ? text : "error: " + text
    }
}

/// The error the server's task ended with, handed to the waiting main thread.
private final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.lock(); error = e; lock.unlock() }
    func get() -> (any Error)? { lock.lock(); defer { lock.unlock() }; return error }
}
