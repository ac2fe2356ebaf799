/// The formats `/sparql` answers in, and the choice among them from a
/// request's `Accept` header (RFC 9110 §12.5.1): the acceptable type with
/// the highest weight, the most specific range deciding a type's weight;
/// ties go to the order below, the first being the default.
enum ResultMediaType: String, CaseIterable, Sendable {
    // Solutions and booleans (SELECT, ASK).
    case sparqlJSON = "application/sparql-results+json"
    case sparqlXML = "application/sparql-results+xml"
    case csv = "text/csv"
    case tsv = "text/tab-separated-values"
    // Triples (CONSTRUCT).
    case turtle = "text/turtle"
    case nTriples = "application/n-triples"
    case rdfXML = "application/rdf+xml"

    /// Whether the type writes triples rather than solutions.
    var isGraph: Bool { self == .turtle || self == .nTriples || self == .rdfXML }

    /// The Content-Type header of an answer in this format.
    var contentType: String { rawValue + "; charset=utf-8" }

    /// Other names clients use for the same format.
    private var aliases: [String] {
        switch self {
        case .sparqlJSON: return ["application/json"]
        case .sparqlXML: return ["application/xml", "text/xml"]
        case .csv, .tsv: return []
        case .turtle: return ["application/x-turtle"]
        case .nTriples: return ["text/plain"]
        case .rdfXML: return []
        }
    }

    /// The format to answer in, or nil when the client accepts none that fits the result
    /// (a 406). No header, or an empty one, accepts anything.
    static func negotiate(accept: String?, graph: Bool) -> ResultMediaType? {
        let candidates = allCases.filter { $0.isGraph == graph }
        guard let accept, accept.contains(where: { !$0.isWhitespace }) else { return candidates.first }
        let ranges = MediaRange.parse(accept)
        var best: (type: ResultMediaType, weight: Double)?
        for candidate in candidates {
            let weight = ([candidate.rawValue] + candidate.aliases).compactMap { MediaRange.weight(of: $0, in: ranges) }.max() ?? 0
            if weight > 0 && weight > (best?.weight ?? 0) { best = (candidate, weight) }
        }
        return best?.type
    }
}

/// One entry of an Accept header: `type/subtype` (either may be `*`) and its weight.
struct MediaRange: Equatable {
    var type: String
    var subtype: String
    var weight: Double

    static func parse(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { entry in
            let parts = entry.split(separator: ";")
            guard let name = parts.first?.trimmed.lowercased() else { return nil }
            let halves = name.split(separator: "/", maxSplits: 1)
            guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty else { return nil }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let kv = parameter.split(separator: "=", maxSplits: 1)
                if kv.count == 2, kv[0].trimmed.lowercased() == "q", let q = Double(kv[1].trimmed) { weight = min(max(q, 0), 1) }
            }
            return MediaRange(type: String(halves[0]), subtype: String(halves[1]), weight: weight)
        }
    }

    /// The weight the most specific range matching `mediaType` gives it, or nil when none matches.
    static func weight(of mediaType: String, in ranges: [MediaRange]) -> Double? {
        let halves = mediaType.split(separator: "/", maxSplits: 1).map(String.init)
        var best: (specificity: Int, weight: Double)?
        for r in ranges {
            let specificity: Int
            if r.type == halves[0] && r.subtype == halves[1] { specificity = 2 }
            else if r.type == halves[0] && r.subtype == "*" { specificity = 1 }
            else if r.type == "*" && r.subtype == "*" { specificity = 0 }
            else { continue }
            if specificity > best?.specificity ?? -1 { best = (specificity, r.weight) }
        }
        return best?.weight
    }
}
