# Hello from Python, interpreted by MicroPython compiled to WebAssembly.
import sys

print("Hello, WebAssembly!")
print("Python", sys.version.split(";")[0], "on", sys.implementation.name)
squares = [n * n for n in range(1, 11)]
print("squares:", squares, "sum:", sum(squares))
