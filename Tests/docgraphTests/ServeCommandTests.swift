import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `docgraph serve` as a user runs it: the real binary on a free loopback port, asked over HTTP, then
/// stopped with SIGTERM. (scripts/serve-test.sh goes further with SPARQLWrapper and rdflib.)
struct ServeCommandTests {
    /// A running server and the lines it has written to standard error.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var log = ""

        init(_ args: [String]) throws {
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["serve"] + args + ["--port", "0"]
            process.currentDirectoryURL = CLI.root
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            err.fileHandleForReading.readabilityHandler = { [weak self] h in
                let data = h.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock(); self.log += String(decoding: data, as: UTF8.self); self.lock.unlock()
            }
            try process.run()
        }

        var text: String { lock.lock(); defer { lock.unlock() }; return log }

        /// The port the server says it listens on, once it says so.
        func port() throws -> Int {
            for _ in 0..<300 {
                if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    let digits = text[range].split(separator: ":").last?.prefix { $0.isNumber } ?? ""
                    if let port = Int(digits) { return port }
                }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(text)"])
        }

        func stop() -> Int32 {
            process.terminate()   // SIGTERM
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static func post(_ port: Int, _ query: String, accept: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/sparql")!)
        request.httpMethod = "POST"
        request.setValue("application/sparql-query", forHTTPHeaderField: "Content-Type")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        request.httpBody = Data(query.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func answersAsDocgraphSparqlDoesAndStopsOnSIGTERM() async throws {
        let graph = "Exports/suzhou-npc-2024.rdf"
        let query = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
        let server = try Server([graph])
        let port = try server.port()
        let (status, body) = try await Self.post(port, query, accept: "application/sparql-results+json")
        let cli = try CLI.run(["sparql", graph, query, "--format", "json"])
        #expect(status == 200)
        #expect(cli.status == 0)
        #expect(body == cli.stdout)
        let (badStatus, badBody) = try await Self.post(port, "SELECT ?x WHERE { ?x ?y }", accept: "*/*")
        #expect(badStatus == 400)
        #expect(badBody.contains("query:1:25: error:"))
        #expect(server.stop() == 0)
        #expect(server.text.contains("docgraph serve: stopped"))
    }

    @Test(arguments: [
        ([] as [String], "give at least one graph file to serve"),
        (["Exports/suzhou-npc-2024.rdf", "--port", "70000"], "--port must be between 0 and 65535"),
        (["Exports/suzhou-npc-2024.rdf", "--timeout", "0"], "--timeout must be a positive number of seconds"),
        (["graph.txt"], "graph.txt"),
    ])
    func badUsageExits64(args: [String], message: String) throws {
        let r = try CLI.run(["serve"] + args)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message))
    }

    @Test func anUnreadableGraphIsAnErrorNamingIt() throws {
        let r = try CLI.run(["serve", "no-such-graph.nt", "--port", "0"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no-such-graph.nt: error: no such file"))
    }
}
