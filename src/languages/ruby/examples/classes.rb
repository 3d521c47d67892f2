# A small class hierarchy and a Struct: shapes with areas, sorted by size.
Point = Struct.new(:x, :y)

class Shape
  def to_s = format("%s(area=%.2f)", self.class.name, area)
end

class Rect < Shape
  def initialize(w, h) = (@w, @h = w, h)
  def area = @w * @h
end

class Circle < Shape
  def initialize(r) = @r = r
  def area = Math::PI * @r**2
end

shapes = [Rect.new(3, 4), Circle.new(1.5), Rect.new(1, 10), Circle.new(2)]
shapes.sort_by(&:area).each { |s| puts s }
puts Point.new(1, 2).inspect
