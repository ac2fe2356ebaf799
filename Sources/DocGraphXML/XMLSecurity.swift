internal import CLibXML2
import Synchronization

/// The libxml2 options every DocGraph XML parser uses, and why.
///
/// - `XML_PARSE_NONET`: never fetch anything over the network.
/// - `XML_PARSE_NOENT`: substitute *internal* entities (RDF/XML files use
///   `<!ENTITY rdf "…">` shorthands); external ones never load, because
///   ``XMLSecurity/install()`` replaces libxml2's entity loader with one that
///   refuses every request — no file or URL named in a document is read.
///   The one exception is a schema DocGraph itself validates against:
///   while it is parsed, files inside its own folder may load.
/// - no `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDVALID` or `XML_PARSE_HUGE`: the
///   external subset is never loaded, and libxml2's built-in limits on
///   entity amplification ("billion laughs"), nesting depth and text node
///   size stay in force.
/// - `XML_PARSE_NOCDATA`: CDATA sections arrive as ordinary text.
///
/// What each limit does to a hostile file:
/// - an external entity (`<!ENTITY x SYSTEM "file:///…">`) or external DTD
///   expands to nothing: the refusing loader returns no input, and no URL
///   is fetched (`XML_PARSE_NONET` as well);
/// - entity amplification ("billion laughs") stops at libxml2's check with
///   "detected an entity reference loop" before memory grows;
/// - attribute values and names are bounded by libxml2 (10,000,000 and
///   50,000 bytes) because `XML_PARSE_HUGE` is off;
/// - nesting and text nodes are bounded by ``XMLEventReader`` itself
///   (``XMLEventReader/maximumDepth``, ``XMLEventReader/maximumTextLength``):
///   libxml2's push parser, which it drives through SAX, applies neither.
enum XMLSecurity {
    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The folders whose files may load while a trusted schema is parsed,
    /// with how many parses are trusting each (schemas may be parsed on
    /// several threads at once; one finishing must not end another's trust).
    static let trustedFolders = Mutex<[String: Int]>([:])

    /// Installs the refusing entity loader once per process.
    static func install() { _ = installed }

    private static let installed: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { url, id, context in
            guard let url else { return nil }
            let path = String(cString: url)
            let allowed = XMLSecurity.trustedFolders.withLock { folders -> Bool in
                let file = path.hasPrefix("file://") ? String(path.dropFirst(7)) : path
                return !file.contains("/../") && folders.keys.contains { file.hasPrefix($0 + "/") }
            }
            guard allowed, let context else { return nil }
            return xmlNewInputFromFile(context, path.hasPrefix("file://") ? String(path.dropFirst(7)) : path)
        }
    }()

    /// Runs `body` with files in `folder` loadable (a trusted schema's imports).
    static func trusting<T>(_ folder: String, _ body: () throws -> T) rethrows -> T {
        trustedFolders.withLock { $0[folder, default: 0] += 1 }
        defer {
            trustedFolders.withLock { folders in
                folders[folder, default: 1] -= 1
                if folders[folder] == 0 { folders[folder] = nil }
            }
        }
        return try body()
    }
}
