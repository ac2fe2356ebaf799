// libxml2 as one Swift module. Debian builds libxml2 with ICU; hiding the
// ICU fields keeps this module from clashing with Foundation's own ICU
// (see PITFALLS). Never touch xmlCharEncodingHandler's fields from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlschemas.h>
