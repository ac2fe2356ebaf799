import ArgumentParser
import DocGraphExtract
import DocGraphOntology
import DocGraphTagger

/// The options `extract` and `explain` share: the rules, the tagger and the place of documents
/// that never name their own.
struct ExtractionOptions: ParsableArguments {
    @Option(help: "The ontology folder (docgraph.owl, lexicons/, rules/). Default: the one in $DOCGRAPH_HOME, else ./Ontology or the program's own (beside it, in its ../share/docgraph or above it).")
    var ontology: String?

    @Option(help: "hybrid (the default): the statistical tagger proposes names and the rules canonicalise, type and veto them; rules: the rules alone, without the model.")
    var tagger: TaggerMode?

    @Option(help: "The model folder: the tagger's files and the weights docgraph train wrote (default: $DOCGRAPH_MODEL, else Models/docgraph where the ontology is looked for).")
    var model: String?

    @Option(help: "The place of documents that never name their own (市委, 区政府 resolve to it), e.g. 苏州市 or 长寿区.")
    var place: String?

    /// The ontology folder, and an extractor with its rules, the tagger (when asked for or installed)
    /// and the place.
    func extractor() throws -> (directory: String, extractor: Extractor) {
        let dir = try ontologyFolder(ontology)
        let rules = try ExtractionRules.load(directory: dir)
        let defaultPlace = try place.map { try resolvePlace($0, rules) }
        let (taggerModel, learned) = try loadModels(tagger, model: model)
        return (dir, Extractor(rules: rules, defaultPlace: defaultPlace, tagger: taggerModel, model: learned))
    }
}

/// How `extract` and `explain` find names: the tagger fused with the rules, or the rules alone.
enum TaggerMode: String, ExpressibleByArgument, CaseIterable {
    case hybrid, rules
}

/// The tagger and the trained weights for `mode`: both from the model folder (`--model`, else the
/// one installed), the weights only when the folder holds them and the tagger is used (they were
/// trained on the tagger's words).
func loadModels(_ mode: TaggerMode?, model: String?) throws -> (TaggerModel?, ExtractionModel?) {
    let loaded = try loadTagger(mode, model: model)
    guard let tagger = loaded, let dir = modelFolder(model), ExtractionModel.exists(in: dir) else { return (loaded, nil) }
    do {
        return (tagger, try ExtractionModel.load(directory: dir))
    } catch {
        throw CLIError(error.path + (error.line.map { ":\($0)" } ?? ""), error.message)
    }
}

/// The tagger's model for `mode`: none for `--tagger rules`; otherwise the model found (missing,
/// or present but altered, it is an error naming the file and the fix). A run that did not ask for
/// the rules alone never falls back to them in silence: they read fewer names.
func loadTagger(_ mode: TaggerMode?, model: String?) throws -> TaggerModel? {
    if mode == .rules { return nil }
    guard let dir = modelFolder(model) else { throw missingModel() }
    do {
        return try TaggerModel.load(directory: dir)
    } catch {
        throw CLIError(error.path, error.message)
    }
}

/// The model folder: `--model DIR`, else the one found in the program's home folders (``ProgramHome``).
func modelFolder(_ explicit: String?) -> String? {
    TaggerModel.locate(explicit: explicit, homes: ProgramHome.folders)
}

/// The error for a model found nowhere: where it was looked for, how to install it, and how to
/// run without it.
func missingModel() -> CLIError {
    CLIError(TaggerModel.folderName, "the tagger's model is not installed (looked in \(ProgramHome.searched(for: TaggerModel.folderName))); "
             + ProgramHome.installHint + ", or pass --model DIR; --tagger rules extracts with the rules alone (fewer names)")
}

/// The full name of the place `--place` names (苏州 → 苏州市), or an error naming the nearest places.
func resolvePlace(_ name: String, _ rules: ExtractionRules) throws -> String {
    if let full = Extractor(rules: rules).place(named: name) { return full }
    let near = rules.places.keys.filter { $0.hasPrefix(String(name.prefix(1))) }.sorted().prefix(5)
    throw CLIError("--place", "no place named '\(name)' in the gazetteer" + (near.isEmpty ? "" : "; did you mean " + near.joined(separator: ", ") + "?"))
}
