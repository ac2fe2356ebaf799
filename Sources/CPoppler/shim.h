// Poppler's GLib interface and the cairo calls that render a page, as one
// Swift module (only DocGraphPDF imports it).
#include <poppler.h>
#include <cairo.h>
