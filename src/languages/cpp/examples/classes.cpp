// Classes, virtual functions and smart pointers in a std::vector.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual std::string name() const = 0;
};

struct Circle : Shape {
  double r;
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.141592653589793 * r * r; }
  std::string name() const override { return "circle(r=" + std::to_string(r) + ")"; }
};

struct Rect : Shape {
  double w, h;
  Rect(double w, double h) : w(w), h(h) {}
  double area() const override { return w * h; }
  std::string name() const override { return "rect(" + std::to_string(w) + "x" + std::to_string(h) + ")"; }
};

int main() {
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Circle>(1.5));
  shapes.push_back(std::make_unique<Rect>(2, 3));
  shapes.push_back(std::make_unique<Circle>(0.5));
  double total = 0;
  for (const auto &s : shapes) {
    std::cout << s->name() << " has area " << s->area() << "\n";
    total += s->area();
  }
  std::cout << "total area: " << total << std::endl;
}
