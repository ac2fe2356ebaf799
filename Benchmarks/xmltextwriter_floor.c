/* The floor of writing RDF/XML through libxml2's xmlTextWriter, which
 * DocGraph's writer used before it wrote bytes itself: N-Triples in, the
 * same RDF/XML layout out (one node element per run of a subject, typed by
 * its first rdf:type, indented), with no checking at all. Lines are split
 * at spaces, which is enough for Benchmarks/generate_graph.py's graphs (no
 * space inside a term) and nothing else.
 *
 * Usage: xmltextwriter_floor IN.nt OUT.rdf
 */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prefixes[][2] = {
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"dg", "https://w3id.org/docgraph/ontology#"},
};
#define NPREFIXES 3

/* "<ns#local>" -> "p:local" in out; 0 when no prefix fits. */
static int qname(const char *iri, size_t len, char *out) {
    for (int i = 0; i < NPREFIXES; i++) {
        size_t n = strlen(prefixes[i][1]);
        if (len - 2 > n && strncmp(iri + 1, prefixes[i][1], n) == 0) {
            snprintf(out, 512, "%s:%.*s", prefixes[i][0], (int)(len - 2 - n), iri + 1 + n);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) return 64;
    FILE *in = fopen(argv[1], "r");
    xmlTextWriterPtr w = xmlNewTextWriterFilename(argv[2], 0);
    if (!in || !w) return 1;
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "rdf:RDF");
    char attr[64];
    for (int i = 0; i < NPREFIXES; i++) {
        snprintf(attr, sizeof attr, "xmlns:%s", prefixes[i][0]);
        xmlTextWriterWriteAttribute(w, BAD_CAST attr, BAD_CAST prefixes[i][1]);
    }
    char *line = NULL, current[4096] = "", name[512], value[4096];
    size_t cap = 0;
    int open = 0;
    while (getline(&line, &cap, in) > 0) {
        char *s = line, *p = strchr(s, ' ');
        if (!p) continue;
        char *o = strchr(p + 1, ' ');
        if (!o) continue;
        *p = 0; *o = 0; o++;
        char *end = strrchr(o, ' ');
        if (end) *end = 0;
        if (strcmp(s, current) != 0) {
            if (open) xmlTextWriterEndElement(w);
            snprintf(current, sizeof current, "%s", s);
            snprintf(value, sizeof value, "%.*s", (int)(strlen(s) - 2), s + 1);
            int typed = strcmp(p + 1, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") == 0 && o[0] == '<'
                        && qname(o, strlen(o), name);
            xmlTextWriterStartElement(w, BAD_CAST (typed ? name : "rdf:Description"));
            xmlTextWriterWriteAttribute(w, BAD_CAST "rdf:about", BAD_CAST value);
            open = 1;
            if (typed) continue;
        }
        if (!qname(p + 1, strlen(p + 1), name)) continue;
        xmlTextWriterStartElement(w, BAD_CAST name);
        if (o[0] == '<') {
            snprintf(value, sizeof value, "%.*s", (int)(strlen(o) - 2), o + 1);
            xmlTextWriterWriteAttribute(w, BAD_CAST "rdf:resource", BAD_CAST value);
        } else {
            char *close = strrchr(o, '"');
            if (close && close[1] == '@') xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST (close + 2));
            snprintf(value, sizeof value, "%.*s", (int)(close - o - 1), o + 1);
            xmlTextWriterWriteString(w, BAD_CAST value);
        }
        xmlTextWriterEndElement(w);
    }
    if (open) xmlTextWriterEndElement(w);
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    free(line);
    fclose(in);
    return 0;
}
