#include "shapes.h"

double circle_area(struct circle c) { return 3.14159265358979 * c.r * c.r; }
