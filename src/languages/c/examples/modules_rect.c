#include "shapes.h"

double rect_area(struct rect r) { return r.w * r.h; }
double rect_perimeter(struct rect r) { return 2 * (r.w + r.h); }
