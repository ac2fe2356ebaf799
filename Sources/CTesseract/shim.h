// Tesseract's C interface and Leptonica's image reading, as one Swift
// module (only DocGraphOCR imports it).
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
