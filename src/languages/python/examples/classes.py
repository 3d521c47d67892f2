# A small class hierarchy: shapes with areas, sorted by size.
import math


class Shape:
    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


shapes = [Rect(3, 4), Circle(1.5), Rect(1, 10), Circle(2)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
