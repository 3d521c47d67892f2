// A project of several files: every .c file is compiled and linked; headers are found from the
// project root (-I/) and beside the including file. Edit one file and only it is recompiled.
#include <stdio.h>
#include "geometry/shapes.h"

int main(void) {
  struct rect r = {3, 4};
  struct circle c = {2};
  printf("rect %gx%g: area %g, perimeter %g\n", r.w, r.h, rect_area(r), rect_perimeter(r));
  printf("circle r=%g: area %.3f\n", c.r, circle_area(c));
  return 0;
}
