import DocGraphXML
import Foundation

/// Title, creator and creation date from a PDF's XMP packet (Dublin Core and XMP basic).
struct XMPProperties {
    var title: String?
    var creator: String?
    var date: String?

    init(xml: String, source: String) {
        guard let reader = try? XMLEventReader(bytes: Array(xml.utf8), source: source + ":xmp") else { return }
        let dc = "http://purl.org/dc/elements/1.1/", xmp = "http://ns.adobe.com/xap/1.0/"
        /// The open elements, each with the property it belongs to (if any) and its text so far.
        var open: [(field: String?, text: String)] = []
        while let event = try? reader.next() {
            switch event {
            case .startElement(let e):
                var field = open.last?.field
                if e.namespace == dc && (e.localName == "title" || e.localName == "creator") { field = e.localName }
                if e.namespace == xmp && e.localName == "CreateDate" { field = "date" }
                open.append((field, ""))
            case .text(let t):
                if !open.isEmpty { open[open.count - 1].text += t }
            case .endElement:
                guard let (field, text) = open.popLast(), let field else { break }
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !value.isEmpty else { break }
                switch field {
                case "title": if title == nil { title = value }
                case "creator": if creator == nil { creator = value }
                default: if date == nil, value.count >= 10 { date = String(value.prefix(10)) }
                }
            default:
                break
            }
        }
    }
}
