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

    public static let relationsFile = "relations.weights"
    public static let entitiesFile = "entities.weights"

    public init(entities: LinearClassifier?, relations: LinearClassifier) {
        self.entities = entities
        self.relations = relations
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
        return ExtractionModel(entities: entities, relations: relations)
    }

    /// The model's files and their contents, as `docgraph train` writes them.
    public func files(comment: String) -> [(name: String, contents: String)] {
        [(Self.relationsFile, WeightFile.write(relations, comment: comment))]
            + (entities.map { [(Self.entitiesFile, WeightFile.write($0, comment: comment))] } ?? [])
    }
}
