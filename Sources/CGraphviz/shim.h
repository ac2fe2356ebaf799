// Graphviz's layout and rendering library (gvc) and its graph library (cgraph), as one Swift
// module (only DocGraphRender imports it).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
