// zlib, for inflating the parts of Word archives under DocGraph's own limits.
#include <zlib.h>
