import DocGraphRender

/// The frame of every evidence-browser page: one HTML document with its
/// style inline and no script, font or image from anywhere but this
/// server, so the browser works on a machine with no network.
enum BrowserPage {
    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-Hans"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · DocGraph</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:0 auto;max-width:72rem;padding:0 1rem 3rem;color:#222}
        nav{display:flex;gap:1.5rem;align-items:center;padding:.8rem 0;border-bottom:1px solid #ddd;margin-bottom:1rem}
        nav form{margin-left:auto} input[type=search]{width:18rem;padding:.3rem}
        table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
        mark.subject{background:#ffe08a} mark.object{background:#b9e3ff} mark.name{background:#d9f5c5}
        .meta{color:#666;font-size:.9em} .evidence{margin:.2rem 0 .6rem 1rem} .counts span{margin-right:1rem}
        figure{margin:1rem 0;overflow:auto;border:1px solid #eee} figure img{max-width:100%}
        </style></head><body>
        <nav><a href="/">Search</a><a href="/documents">Documents</a><a href="/sparql">SPARQL endpoint</a>
        <form action="/" method="get"><input type="search" name="q" placeholder="a name or alias" aria-label="search"></form></nav>
        \(body)
        </body></html>

        """
    }

    static func escape(_ s: String) -> String { HTMLReport.escape(s) }

    /// An entity's page: `/entity/` and its IRI, percent-encoded except for the characters an IRI's
    /// path keeps readable (`:` and `/`), so a link can be read, shared and typed.
    static func entityLink(_ iri: String) -> String { "/entity/" + percentEncoded(iri) }

    /// The neighbourhood picture of an entity.
    static func pictureLink(_ iri: String) -> String { "/picture/" + percentEncoded(iri) }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The text of a percent-encoded path, or nil when an escape is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ s: Substring) -> String? {
        PercentEncoding.bytes(s.utf8, plusIsSpace: false).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
