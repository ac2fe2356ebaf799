// swift-tools-version:6.0
import PackageDescription

/// DocGraph: documents in, knowledge graphs out.
///
/// Modules follow the data's path: XML (the only one that sees libxml2) →
/// Model → RDF and GraphML formats → Ontology → Extract → Ingest (files of
/// every kind read into the extractor's documents) → Query (questions asked
/// of a graph), with the `docgraph` executable a thin shell over them.
let package = Package(
    name: "DocGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DocGraph", targets: [
            "DocGraphModel", "DocGraphRDF", "DocGraphGraphML", "DocGraphOntology", "DocGraphExtract", "DocGraphIngest",
            "DocGraphQuery", "DocGraphTagger", "DocGraphPDF", "DocGraphOCR", "DocGraphRender",
            "DocGraphExport", "DocGraphLearn", "DocGraphServe",
        ]),
        .executable(name: "docgraph", targets: ["docgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CDocGraphZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // PDF through Poppler (text layers, metadata, pages rendered for OCR); only DocGraphPDF sees it.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // OCR through Tesseract (and Leptonica for image files); only DocGraphOCR sees it.
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev"])]),
        .target(name: "DocGraphXML", dependencies: ["CLibXML2", "DocGraphModel"]),
        .target(name: "DocGraphModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "DocGraphRDF", dependencies: ["DocGraphModel", "DocGraphXML"]),
        .target(name: "DocGraphGraphML", dependencies: ["DocGraphModel", "DocGraphXML"]),
        .target(name: "DocGraphOntology", dependencies: ["DocGraphModel", "DocGraphRDF"]),
        // What is learned from annotated documents: gold annotations and their scoring, sparse features,
        // linear models and their deterministic training. No rules inside.
        .target(name: "DocGraphLearn", dependencies: ["DocGraphModel"]),
        .target(name: "DocGraphExtract", dependencies: ["DocGraphModel", "DocGraphOntology", "DocGraphTagger", "DocGraphLearn"]),
        .target(name: "DocGraphQuery", dependencies: ["DocGraphModel", "DocGraphRDF"]),
        // Layout and drawing through Graphviz; only DocGraphRender sees it.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "DocGraphRender", dependencies: ["CGraphviz", "DocGraphQuery", "DocGraphModel"]),
        // `docgraph serve`: the SPARQL 1.1 Protocol and the evidence browser over HTTP (Hummingbird 2);
        // the queries are DocGraphQuery's, the pictures DocGraphRender's.
        .target(name: "DocGraphServe", dependencies: [
            "DocGraphModel", "DocGraphRDF", "DocGraphXML", "DocGraphQuery", "DocGraphRender",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        // Property-graph exports for graph databases (openCypher, Neo4j import CSV, Kùzu).
        .target(name: "DocGraphExport", dependencies: ["DocGraphModel", "DocGraphRDF"]),
        .target(name: "DocGraphPDF", dependencies: ["CPoppler"]),
        .target(name: "DocGraphOCR", dependencies: ["CTesseract"]),
        .target(name: "DocGraphIngest", dependencies: [
            "DocGraphExtract", "DocGraphModel", "DocGraphXML", "CDocGraphZlib", "DocGraphPDF", "DocGraphOCR",
        ]),
        // The statistical tagger (Baidu LAC's BiGRU-CRF); only it sees the C kernels.
        .target(name: "CDocGraphTaggerKernels"),
        .target(name: "DocGraphTagger", dependencies: [
            "CDocGraphTaggerKernels", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "docgraph", dependencies: [
            "DocGraphModel", "DocGraphRDF", "DocGraphGraphML", "DocGraphOntology", "DocGraphExtract", "DocGraphIngest",
            "DocGraphQuery", "DocGraphXML", "DocGraphTagger", "DocGraphPDF", "DocGraphOCR", "DocGraphRender",
            "DocGraphExport", "DocGraphLearn", "DocGraphServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The fuzzing harnesses (scripts/fuzz.sh builds them with libFuzzer);
        // an ordinary build replays saved inputs through them.
        .executableTarget(name: "docgraph-fuzz", dependencies: [
            "DocGraphModel", "DocGraphRDF", "DocGraphGraphML", "DocGraphOntology", "DocGraphExtract", "DocGraphIngest",
            "DocGraphQuery",
        ]),
        .testTarget(name: "DocGraphXMLTests", dependencies: ["DocGraphXML"]),
        .testTarget(name: "DocGraphModelTests", dependencies: ["DocGraphModel"]),
        .testTarget(name: "DocGraphRDFTests", dependencies: ["DocGraphRDF", "DocGraphModel"]),
        .testTarget(name: "DocGraphGraphMLTests", dependencies: ["DocGraphGraphML", "DocGraphModel", "DocGraphXML"]),
        .testTarget(name: "DocGraphOntologyTests", dependencies: ["DocGraphOntology", "DocGraphModel"]),
        .testTarget(name: "DocGraphLearnTests", dependencies: ["DocGraphLearn", "DocGraphModel", "DocGraphGraphML"]),
        .testTarget(name: "DocGraphExtractTests", dependencies: ["DocGraphExtract", "DocGraphModel", "DocGraphGraphML"]),
        .testTarget(name: "DocGraphQueryTests", dependencies: ["DocGraphQuery", "DocGraphModel", "DocGraphRDF", "DocGraphXML"]),
        .testTarget(name: "DocGraphIngestTests", dependencies: [
            "DocGraphIngest", "DocGraphExtract", "DocGraphModel", "DocGraphRDF",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "DocGraphTaggerTests", dependencies: ["DocGraphTagger"]),
        .testTarget(name: "DocGraphPDFTests", dependencies: ["DocGraphPDF"]),
        .testTarget(name: "DocGraphOCRTests", dependencies: ["DocGraphOCR"]),
        .testTarget(name: "DocGraphRenderTests", dependencies: ["DocGraphRender", "DocGraphQuery", "DocGraphModel", "DocGraphXML"]),
        .testTarget(name: "DocGraphServeTests", dependencies: [
            "DocGraphServe", "DocGraphQuery", "DocGraphModel", "DocGraphRDF",
        ]),
        .testTarget(name: "DocGraphExportTests", dependencies: ["DocGraphExport", "DocGraphModel", "DocGraphRDF"]),
        .testTarget(name: "docgraphTests", dependencies: [
            "docgraph", "DocGraphModel", "DocGraphRDF", "DocGraphGraphML", "DocGraphIngest",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ]
)
