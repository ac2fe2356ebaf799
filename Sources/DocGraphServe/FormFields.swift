/// The fields of an `application/x-www-form-urlencoded` text (a URL's query
/// string or a form's body): `+` is a space, `%XX` a byte, and every name
/// and value must be UTF-8 once decoded. Decoding is done here rather than
/// by the HTTP framework so that a malformed escape or invalid UTF-8 is a
/// clear 400, never a value silently altered.
struct FormFields: Equatable {
    private(set) var fields: [(name: String, value: String)] = []

    init(_ bytes: [UInt8]) throws(ProtocolRequest.Refusal) {
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pair = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(pair[0])
            let value = pair.count > 1 ? try Self.decode(pair[1]) : ""
            fields.append((name, value))
        }
    }

    /// Every value given for `name`, in order.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    mutating func merge(_ other: FormFields) { fields += other.fields }

    static func == (a: FormFields, b: FormFields) -> Bool {
        a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    private static func decode(_ encoded: ArraySlice<UInt8>) throws(ProtocolRequest.Refusal) -> String {
        guard let bytes = PercentEncoding.bytes(encoded, plusIsSpace: true) else {
            throw ProtocolRequest.Refusal(status: 400, message: "malformed %-escape in the request's parameters")
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw ProtocolRequest.Refusal(status: 400, message: "the request's parameters are not valid UTF-8")
        }
        return s
    }
}
