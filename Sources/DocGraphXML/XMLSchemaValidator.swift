import DocGraphModel
internal import CLibXML2

/// Validates XML files against a W3C XML Schema with libxml2 (used for
/// GraphML against the GraphML 1.0 XSD that ships in `Ontology/schemas/`).
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr
    public let schemaPath: String

    /// Loads the schema at `path`; schemas it imports must sit in its folder.
    public init(schemaPath path: String) throws(ParseError) {
        XMLSecurity.install()
        schemaPath = path
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let parsed: xmlSchemaPtr? = XMLSecurity.trusting(folder.isEmpty ? "." : folder) {
            guard let ctx = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(ctx) }
            xmlSchemaSetParserStructuredErrors(ctx, { _, _ in }, nil)
            return xmlSchemaParse(ctx)
        }
        guard let parsed else { throw ParseError(source: path, message: "cannot load XML schema") }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// The schema violations of the file at `path` (empty when valid).
    public func validate(path: String) -> [ParseError] {
        guard let ctx = xmlSchemaNewValidCtxt(schema) else {
            return [ParseError(source: path, message: "cannot create a schema validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(ctx) }
        let box = SchemaErrors(source: path)
        xmlSchemaSetValidStructuredErrors(ctx, { arg, err in
            guard let arg, let err else { return }
            Unmanaged<SchemaErrors>.fromOpaque(arg).takeUnretainedValue().record(err.pointee)
        }, Unmanaged.passUnretained(box).toOpaque())
        let rc = withExtendedLifetime(box) { xmlSchemaValidateFile(ctx, path, Int32(XML_PARSE_NONET.rawValue)) }
        if rc != 0 && box.errors.isEmpty {
            return [ParseError(source: path, message: "file is not valid against \(schemaPath)")]
        }
        return box.errors
    }
}

private final class SchemaErrors {
    let source: String
    var errors: [ParseError] = []
    init(source: String) { self.source = source }

    func record(_ e: xmlError) {
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, errors.count < 100 else { return }
        var message = e.message.map { String(cString: $0) } ?? "schema violation"
        while message.last == "\n" { message.removeLast() }
        errors.append(ParseError(source: source, line: Int(e.line), column: Int(e.int2), message: message))
    }
}
