import DocGraphLearn
import FoundationEssentials

/// What `docgraph train` learned from annotated documents, as the extractor
/// uses it: the relation scorer (which pairs of mentions stand in which
/// relation) and how sure it must be to draw an edge. Read from a model
/// folder (`Models/docgraph/`, or the one `--model` names), where it lies
/// beside the tagger's files as text (``WeightFile``).
public struct ExtractionModel: Sendable {
    /// Which stretches are names, and of which class (nil: the rules' choice stands).
    public var entities: LinearClassifier?
    public var relations: LinearClassifier
    /// The least probability for an edge of each relation, calibrated by training on documents the
    /// scorers never saw (``ExtractionTrainer``); `model.relation.threshold` of the policy is the floor.
    public var thresholds: [String: Double]

    public static let relationsFile = "relations.weights"
    public static let entitiesFile = "entities.weights"
    public static let thresholdsFile = "thresholds.tsv"

    public init(entities: LinearClassifier?, relations: LinearClassifier, thresholds: [String: Double] = [:]) {
        self.entities = entities
        self.relations = relations
        self.thresholds = thresholds
    }

    /// Whether `directory` holds trained weights.
    public static func exists(in directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + relationsFile)
    }

    public static func load(directory: String) throws(WeightFile.Error) -> ExtractionModel {
        let relations = try WeightFile.readLinear(path: directory + "/" + relationsFile)
        for label in relations.labels where !RelationLabels.all.contains(label) {
            throw WeightFile.Error(path: directory + "/" + relationsFile, line: nil,
                                   message: "label '\(label)' is no relation this extractor knows (\(RelationLabels.all.joined(separator: ", ")))")
        }
        var entities: LinearClassifier?
        let entityPath = directory + "/" + entitiesFile
        if FileManager.default.fileExists(atPath: entityPath) {
            let scorer = try WeightFile.readLinear(path: entityPath)
            guard scorer.labels == EntityLabels.all else {
                throw WeightFile.Error(path: entityPath, line: nil, message: "labels \(scorer.labels.joined(separator: " ")) are not the entity scorer's (\(EntityLabels.all.joined(separator: " ")))")
            }
            entities = scorer
        }
        var thresholds: [String: Double] = [:]
        let thresholdPath = directory + "/" + thresholdsFile
        if FileManager.default.fileExists(atPath: thresholdPath) {
            guard let data = FileManager.default.contents(atPath: thresholdPath), let text = String(data: data, encoding: .utf8) else {
                throw WeightFile.Error(path: thresholdPath, line: nil, message: "cannot be read as UTF-8 text")
            }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
                let cells = line.split(separator: "\t")
                guard cells.count == 2, relations.labels.contains(String(cells[0])), let value = Double(cells[1]) else {
                    throw WeightFile.Error(path: thresholdPath, line: n + 1, message: "expected a relation of the model, a tab and a threshold")
                }
                thresholds[String(cells[0])] = value
            }
        }
        return ExtractionModel(entities: entities, relations: relations, thresholds: thresholds)
    }

    /// The least probability for an edge labelled `label`: the calibrated one, never below `floor`.
    public func threshold(_ label: String, floor: Double) -> Double {
        max(floor, thresholds[label] ?? floor)
    }

    /// The model's files and their contents, as `docgraph train` writes them.
    public func files(comment: String) -> [(name: String, contents: String)] {
        [(Self.relationsFile, WeightFile.write(relations, comment: comment))]
            + (entities.map { [(Self.entitiesFile, WeightFile.write($0, comment: comment))] } ?? [])
            + (thresholds.isEmpty ? [] : [(Self.thresholdsFile, "# " + comment.split(separator: "\n").joined(separator: "\n# ")
                + "\n# the least probability for an edge of each relation, calibrated on documents held out in training\n"
                + thresholds.sorted { $0.key < $1.key }.map { "\($0.key)\t\(String(format: "%.2f", $0.value))\n" }.joined())])
    }
}
