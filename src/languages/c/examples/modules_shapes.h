#ifndef SHAPES_H
#define SHAPES_H

struct rect {
  double w, h;
};
struct circle {
  double r;
};

double rect_area(struct rect r);
double rect_perimeter(struct rect r);
double circle_area(struct circle c);

#endif
