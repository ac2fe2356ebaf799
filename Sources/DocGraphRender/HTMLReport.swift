import DocGraphModel
import DocGraphQuery
import Foundation

/// A graph as one HTML file that works offline: counts by class and
/// predicate, the picture (pan, zoom, search), a card for each entity
/// (class, names, documents, every relation in and out with its role,
/// confidence and evidence sentences, the entity's words marked) and
/// tables of entities and relations that sort and filter. The data is a
/// JSON block, the script and style are DocGraph's own, inlined; nothing
/// is fetched.
public enum HTMLReport {
    /// The report of `graph`, with `svg` the drawing of `selection`.
    public static func html(graph: KnowledgeGraph, selection: DrawingSelection, svg: String, title: String) -> String {
        let drawnID = Dictionary(uniqueKeysWithValues: selection.nodes.enumerated().map { ($1.id, "n\($0 + 1)") })
        let entities = graph.sortedEntities
        let index = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.node, $0) })
        let jsonString = ResultTable.jsonString
        // The data block, written directly as JSON (keys in a fixed order): Foundation's
        // JSONSerialization took three seconds for a graph of 11,000 entities.
        var json = "{\"title\":" + jsonString(title) + ",\"drawn\":\(selection.nodes.count),\"candidates\":\(selection.candidates)"
        json += ",\"leftOut\":\(selection.leftOut),\"entities\":["
        for (k, e) in entities.enumerated() {
            if k > 0 { json += "," }
            json += "{\"name\":" + jsonString(e.label) + ",\"class\":" + jsonString(e.type.displayName)
            json += ",\"aliases\":[" + e.aliases.sorted().map(jsonString).joined(separator: ",") + "]"
            json += ",\"documents\":[" + e.documents.sorted().map(jsonString).joined(separator: ",") + "]"
            if let id = drawnID[e.node] { json += ",\"svg\":\"\(id)\"" }
            json += "}"
        }
        json += "],\"relations\":["
        var first = true
        var byClass: [String: Int] = [:], byPredicate: [String: Int] = [:]
        for e in entities { byClass[e.type.displayName, default: 0] += 1 }
        for r in graph.sortedRelations {
            byPredicate[r.predicate.displayName, default: 0] += 1
            guard let s = index[r.subject], let o = index[r.object] else { continue }
            if !first { json += "," }
            first = false
            json += "{\"s\":\(s),\"p\":" + jsonString(r.predicate.displayName) + ",\"o\":\(o),\"confidence\":\(r.confidence)"
            if let role = r.role { json += ",\"role\":" + jsonString(role) }
            json += ",\"evidence\":[" + sentences(of: r).map { (p, rules) in
                "{\"sentence\":" + jsonString(p.sentence) + ",\"document\":" + jsonString(p.document)
                    + (p.page.map { ",\"page\":\($0)" } ?? "") + ",\"rule\":" + jsonString(rules.joined(separator: ", ")) + "}"
            }.joined(separator: ",") + "]}"
        }
        json += "]}"
        let safeJSON = scriptSafe(json)
        func counts(_ d: [String: Int]) -> String {
            d.sorted { $0.key < $1.key }.map { "<tr><td>\(escape($0.key))</td><td>\($0.value)</td></tr>" }.joined()
        }
        let picture = entities.isEmpty
            ? "<p class=\"empty\">The graph is empty: it has no entities to draw.</p>"
            : inlineSVG(svg)
        let cap = selection.leftOut > 0
            ? "<p class=\"cap\">\(selection.nodes.count) of \(selection.candidates) entities drawn (those with the most relations); all are in the tables.</p>" : ""
        return """
            <!DOCTYPE html>
            <html lang="zh-Hans"><head><meta charset="utf-8">
            <meta name="generator" content="DocGraph">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head><body>
            <h1>\(escape(title))</h1>
            <section class="counts">
            <table><caption>\(entities.count) entities</caption>\(counts(byClass))</table>
            <table><caption>\(graph.relations.count) relations</caption>\(counts(byPredicate))</table>
            <table><caption>\(graph.documents.count) documents</caption>\(graph.sortedDocuments.map { "<tr><td>\(escape($0.title ?? $0.id))</td></tr>" }.joined())</table>
            </section>
            <section class="picture">
            <input id="search" type="search" placeholder="search a name" autocomplete="off"><span id="found"></span>
            \(cap)<div id="viewport">\(picture)</div>
            <aside id="card" hidden></aside>
            </section>
            <section><h2>Entities</h2><input class="filter" data-table="entities" placeholder="filter">
            <table id="entities" class="sortable"><thead><tr><th>name</th><th>class</th><th>aliases</th><th>documents</th></tr></thead><tbody></tbody></table></section>
            <section><h2>Relations</h2><input class="filter" data-table="relations" placeholder="filter">
            <table id="relations" class="sortable"><thead><tr><th>subject</th><th>relation</th><th>object</th><th>role</th><th>confidence</th><th>evidence</th></tr></thead><tbody></tbody></table></section>
            <script type="application/json" id="data">\(safeJSON)</script>
            <script>\(script)</script>
            </body></html>

            """
    }

    /// Each sentence that supports `r` once, with the rules that read the fact in it: a sentence
    /// read by two rules is one piece of evidence to a reader.
    static func sentences(of r: Relation) -> [(Provenance, [String])] {
        var out: [(Provenance, [String])] = []
        var at: [String: Int] = [:]
        for p in r.provenance.sorted() {
            let key = "\(p.document)\u{1F}\(p.sentenceStart)\u{1F}\(p.sentenceEnd)"
            if let k = at[key] {
                if !out[k].1.contains(p.rule) { out[k].1.append(p.rule) }
            } else {
                at[key] = out.count
                out.append((p, [p.rule]))
            }
        }
        return out
    }

    /// JSON that may sit inside a `<script>` element: `<`, `>` and `&` as `\u` escapes, so no name
    /// can end the element (`</script>`) or enter the parser's script-data states (`<!--<script>`),
    /// and U+2028 and U+2029, which older JavaScript reads as line ends. These characters occur
    /// only inside JSON strings, where the escapes mean the same characters.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(json.unicodeScalars.count)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The SVG without its XML declaration and doctype, to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// Text for HTML: `&`, `<`, `>`, quotes as entities; control characters as U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if (u.value < 0x20 && u != "\n" && u != "\t") || u.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC",sans-serif;margin:1.5em;color:#1f2937}
        h1{font-size:1.4em}.counts{display:flex;gap:2em;flex-wrap:wrap}
        table{border-collapse:collapse;font-size:.9em}td,th{border-bottom:1px solid #e5e7eb;padding:.2em .6em;text-align:left;vertical-align:top}
        caption{font-weight:bold;text-align:left}th{cursor:pointer;background:#f3f4f6}
        .picture{position:relative}#viewport{border:1px solid #d1d5db;height:70vh;overflow:hidden;cursor:grab}
        #viewport svg{width:100%;height:100%}g.node{cursor:pointer}g.node.hit polygon,g.node.hit ellipse,g.node.hit path{stroke:#dc2626;stroke-width:3}
        #card{position:absolute;top:2.5em;right:.5em;width:34%;max-height:65vh;overflow:auto;background:#fff;border:1px solid #9ca3af;padding:.8em;box-shadow:0 2px 8px #0002}
        #card mark{background:#fde68a}.evidence{color:#4b5563;font-size:.85em}.empty,.cap{color:#6b7280}
        """

    static let script = """
        (function(){
        'use strict';
        var data=JSON.parse(document.getElementById('data').textContent);
        var E=data.entities,R=data.relations;
        function el(tag,text){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;return e;}
        function mark(sentence,names){var out=el('span');var s=sentence,i;
          names=names.filter(function(n){return n;}).sort(function(a,b){return b.length-a.length;});
          while(s.length){var best=-1,len=0;names.forEach(function(n){var k=s.indexOf(n);if(k>=0&&(best<0||k<best)){best=k;len=n.length;}});
            if(best<0){out.appendChild(document.createTextNode(s));break;}
            out.appendChild(document.createTextNode(s.slice(0,best)));out.appendChild(el('mark',s.slice(best,best+len)));s=s.slice(best+len);}
          return out;}
        function card(i){var e=E[i],c=document.getElementById('card');c.hidden=false;c.textContent='';
          c.appendChild(el('h3',e.name));c.appendChild(el('p',e['class']));
          if(e.aliases.length)c.appendChild(el('p','aliases: '+e.aliases.join('、')));
          c.appendChild(el('p','documents: '+e.documents.join(', ')));
          var names=[e.name].concat(e.aliases);
          R.forEach(function(r){if(r.s!==i&&r.o!==i)return;var out=r.s===i;var other=E[out?r.o:r.s];
            var d=el('div');d.className='relation';
            d.appendChild(el('b',(out?'→ ':'← ')+r.p+(r.role?' ['+r.role+']':'')+' '+other.name+' ('+r.confidence+')'));
            r.evidence.forEach(function(v){var p=el('p');p.className='evidence';p.appendChild(mark(v.sentence,names));
              p.appendChild(document.createTextNode(' — '+v.document+(v.page?', page '+v.page:'')));d.appendChild(p);});
            c.appendChild(d);});
          document.querySelectorAll('g.node.hit').forEach(function(g){g.classList.remove('hit');});
          if(e.svg){var g=document.getElementById(e.svg);if(g)g.classList.add('hit');}}
        function find(name){name=name.trim().toLowerCase();if(!name)return -1;
          for(var i=0;i<E.length;i++){if(E[i].name.toLowerCase()===name||E[i].aliases.some(function(a){return a.toLowerCase()===name;}))return i;}
          for(i=0;i<E.length;i++){if(E[i].name.toLowerCase().indexOf(name)>=0)return i;}return -1;}
        function search(name){var i=find(name),f=document.getElementById('found');f.textContent=i<0?' no entity called '+name:'';if(i>=0)card(i);}
        var box=document.getElementById('search');box.addEventListener('change',function(){search(box.value);});
        E.forEach(function(e,i){if(!e.svg)return;var g=document.getElementById(e.svg);if(g)g.addEventListener('click',function(){card(i);});});
        var svg=document.querySelector('#viewport svg');
        if(svg){var vb=svg.viewBox.baseVal,drag=null;
          svg.addEventListener('wheel',function(ev){ev.preventDefault();var k=ev.deltaY>0?1.15:1/1.15;
            var r=svg.getBoundingClientRect(),x=vb.x+(ev.clientX-r.left)/r.width*vb.width,y=vb.y+(ev.clientY-r.top)/r.height*vb.height;
            vb.x=x-(x-vb.x)*k;vb.y=y-(y-vb.y)*k;vb.width*=k;vb.height*=k;},{passive:false});
          svg.addEventListener('mousedown',function(ev){drag={x:ev.clientX,y:ev.clientY,vx:vb.x,vy:vb.y};});
          window.addEventListener('mouseup',function(){drag=null;});
          window.addEventListener('mousemove',function(ev){if(!drag)return;var r=svg.getBoundingClientRect();
            vb.x=drag.vx-(ev.clientX-drag.x)/r.width*vb.width;vb.y=drag.vy-(ev.clientY-drag.y)/r.height*vb.height;});}
        function fill(id,rows){var tb=document.querySelector('#'+id+' tbody');rows.forEach(function(cells){var tr=el('tr');
          cells.forEach(function(c){var td=el('td',String(c));tr.appendChild(td);});tb.appendChild(tr);});}
        fill('entities',E.map(function(e){return [e.name,e['class'],e.aliases.join('、'),e.documents.join(', ')];}));
        fill('relations',R.map(function(r){return [E[r.s].name,r.p,E[r.o].name,r.role||'',r.confidence,r.evidence.length?r.evidence[0].sentence:''];}));
        document.querySelectorAll('table.sortable th').forEach(function(th,k){th.addEventListener('click',function(){
          var tb=th.closest('table').tBodies[0],col=th.cellIndex,asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
          Array.prototype.slice.call(tb.rows).sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;
            var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh');return asc?c:-c;})
            .forEach(function(r){tb.appendChild(r);});});});
        document.querySelectorAll('input.filter').forEach(function(inp){inp.addEventListener('input',function(){
          var q=inp.value.toLowerCase();Array.prototype.forEach.call(document.querySelectorAll('#'+inp.dataset.table+' tbody tr'),function(tr){
            tr.hidden=q&&tr.textContent.toLowerCase().indexOf(q)<0;});});});
        var m=/^#search=(.*)$/.exec(location.hash);if(m){var q=decodeURIComponent(m[1]);box.value=q;search(q);}
        })();
        """
}
