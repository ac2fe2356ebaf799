import DocGraphModel
import DocGraphQuery

/// Writes a ``DrawingSelection`` as Graphviz DOT: one node per entity,
/// shaped and coloured by class, with a legend; one edge per relation,
/// labelled with it (and the role) and as thick as it is sure. Every label
/// is escaped, so a name with quotes, backslashes, `&` or control
/// characters draws as written and never breaks the file.
public enum DOTWriter {
    /// How each class is drawn: shape and fill.
    public static let styles: [(className: String, shape: String, fill: String)] = [
        ("Organization", "box", "#dbeafe"),
        ("Person", "ellipse", "#fde68a"),
        ("Regulation", "note", "#dcfce7"),
        ("Program", "hexagon", "#fce7f3"),
    ]
    static let otherStyle = (shape: "ellipse", fill: "#e5e7eb")
    /// Pictures with more edges than this draw them straight (see ``dot(_:layout:title:)``).
    public static let curvedEdgeLimit = 200

    /// A font with Chinese glyphs (Debian's fonts-noto-cjk), so labels are not boxes.
    public static let font = "Noto Sans CJK SC"

    /// The DOT of `selection`, laid out by `layout` (a fixed seed for the force-directed ones,
    /// so the same graph gives the same picture).
    public static func dot(_ selection: DrawingSelection, layout: String = "sfdp", title: String? = nil) -> String {
        var out = "digraph docgraph {\n"
        // Curved edges routed around nodes read best, but routing them is most of the time of a
        // force-directed layout: 37 s for 1,029 edges against 0.6 s drawn straight. Big pictures get
        // straight edges; dot routes its own quickly.
        let splines = layout == "dot" || selection.edges.count <= Self.curvedEdgeLimit ? "true" : "line"
        // start=1: a fixed seed for the force-directed layouts (the default style, random placement, is the
        // only one sfdp supports); dot and circo ignore it.
        out += "  graph [layout=\(layout), start=1, overlap=prism, splines=\(splines), outputorder=edgesfirst, fontname=\(quoted(font)), fontsize=11"
        var caption: [String] = []
        if let title { caption.append(title) }
        if selection.leftOut > 0 {
            caption.append("\(selection.nodes.count) of \(selection.candidates) entities drawn: the \(selection.nodes.count) with the most relations"
                           + (selection.focus.isEmpty ? "" : " and the focus") + "; \(selection.leftOut) left out")
        }
        if selection.nodes.isEmpty { caption.append("nothing to draw: the graph has no entities that match") }
        // The caption and the legend are the graph's own label, an HTML-like table above the picture: a
        // legend of sample nodes in a cluster would be scattered among the others by sfdp and neato,
        // which do not keep clusters together.
        let drawnClasses = Set(selection.nodes.map(\.className))
        var legend = styles.filter { drawnClasses.contains($0.className) }.map { ($0.className, $0.shape, $0.fill) }
        if drawnClasses.contains(where: { c in !styles.contains { $0.className == c } }) {
            legend.append(("other", otherStyle.shape, otherStyle.fill))
        }
        if !caption.isEmpty || !legend.isEmpty {
            var table = "<TABLE BORDER=\"0\" CELLSPACING=\"4\">"
            for line in caption { table += "<TR><TD COLSPAN=\"\(max(legend.count, 1))\">\(htmlText(line))</TD></TR>" }
            if !legend.isEmpty {
                table += "<TR>" + legend.map { entry in
                    "<TD BGCOLOR=\"\(entry.2)\" BORDER=\"1\" COLOR=\"#9ca3af\"><FONT POINT-SIZE=\"9\">\(htmlText(entry.0)) (\(entry.1))</FONT></TD>"
                }.joined() + "</TR>"
            }
            out += ", labelloc=t, label=<\(table)</TABLE>>"
        }
        out += "]\n"
        out += "  node [style=filled, fontname=\(quoted(font)), fontsize=10, penwidth=0.8]\n"
        out += "  edge [fontname=\(quoted(font)), fontsize=8, color=\"#6b7280\", fontcolor=\"#374151\", arrowsize=0.6]\n"
        var ids: [Subject: String] = [:]
        let focus = Set(selection.focus)
        for (k, node) in selection.nodes.enumerated() {
            let id = "n\(k + 1)"
            ids[node.id] = id
            let style = styles.first { $0.className == node.className }.map { ($0.shape, $0.fill) } ?? (otherStyle.shape, otherStyle.fill)
            out += "  \(id) [label=\(quoted(node.label)), shape=\(style.0), fillcolor=\"\(style.1)\", class=\(quoted(node.className))"
            out += ", id=\(quoted(id)), tooltip=\(quoted(node.className + ": " + node.label))"
            if focus.contains(node.id) { out += ", penwidth=2.5" }
            out += "]\n"
        }
        for (k, e) in selection.edges.enumerated() {
            guard let s = ids[e.subject], let o = ids[e.object] else { continue }
            let label = e.relation + (e.role.map { " · " + $0 } ?? "")
            let width = 0.5 + 2.5 * max(0, min(1, e.confidence))
            out += "  \(s) -> \(o) [label=\(quoted(label)), penwidth=\(format(width)), id=\"e\(k + 1)\", class=\(quoted(e.relation))]\n"
        }
        out += "}\n"
        return out
    }

    /// A DOT quoted string: `"` and `\` escaped, `&` as an entity (Graphviz reads entities in
    /// labels), line breaks as `\n`, other control characters as U+FFFD.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Text inside an HTML-like label: `&`, `<`, `>` and `"` as entities, control characters as U+FFFD.
    static func htmlText(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static func format(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
