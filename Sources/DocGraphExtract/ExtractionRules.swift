import DocGraphModel
import DocGraphOntology
import FoundationEssentials

/// A cue that ties the acting organization to a regulation in one clause.
public struct RegulationCue: Sendable, Equatable {
    public enum Position: String, Sendable { case before, after }
    public var predicate: IRI
    public var rule: String
    public var position: Position
    public var cue: String
    public var confidence: Double
}

/// The lexicons and rules of an `Ontology/` folder, checked against its
/// ontology: a rule can only emit a property the ontology declares.
public struct ExtractionRules: Sendable {
    public var organizationSuffixes: [String]
    public var regulationHeads: [String]
    public var assistingWords: [String]
    public var regulationCues: [RegulationCue]
    public let ontology: Ontology

    /// Loads every lexicon and rule file of the folder.
    public static func load(directory: String) throws -> ExtractionRules {
        let ontology = try Ontology.load(path: directory + "/" + OntologyLocator.ontologyFile)
        func words(_ file: String) throws -> [String] {
            try lines(directory + "/" + file).map(\.text)
        }
        var cues: [RegulationCue] = []
        let cueFile = directory + "/rules/regulation-relations.tsv"
        for (line, text) in try lines(cueFile) {
            let cols = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ m: String) -> ParseError { ParseError(source: cueFile, line: line, column: 1, message: m) }
            guard cols.count == 5 else { throw fail("expected 5 tab-separated columns, found \(cols.count)") }
            guard let p = ontology.property(named: cols[0]) else { throw fail("property '\(cols[0])' is not declared in the ontology") }
            guard let pos = RegulationCue.Position(rawValue: cols[2]) else { throw fail("position must be 'before' or 'after', not '\(cols[2])'") }
            guard !cols[3].isEmpty else { throw fail("empty cue") }
            guard let c = Double(cols[4]), (0...1).contains(c) else { throw fail("confidence must be a number from 0 to 1, not '\(cols[4])'") }
            cues.append(RegulationCue(predicate: p.iri, rule: cols[1], position: pos, cue: cols[3], confidence: c))
        }
        for needed in ["Organization", "Regulation"] where ontology.class(named: needed) == nil {
            throw ParseError(source: directory + "/" + OntologyLocator.ontologyFile, message: "class '\(needed)' is not declared")
        }
        return ExtractionRules(
            organizationSuffixes: try words("lexicons/organization-suffixes.txt").sorted { $0.count > $1.count },
            regulationHeads: try words("lexicons/regulation-heads.txt").sorted { $0.count > $1.count },
            assistingWords: try words("lexicons/assisting-words.txt"),
            regulationCues: cues, ontology: ontology)
    }

    /// The meaningful lines of a data file: not blank, not `#` comments.
    static func lines(_ path: String) throws -> [(line: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(source: path, message: "cannot read rule file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ParseError(source: path, message: "rule file is not valid UTF-8")
        }
        var out: [(Int, String)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            out.append((i + 1, line))
        }
        return out
    }
}
