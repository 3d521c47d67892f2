# Hello from Python, interpreted by MicroPython (or CPython, under "Full Python")
# compiled to WebAssembly.
import sys

print("Hello, WebAssembly!")
version = ".".join(str(n) for n in sys.version_info[:3])
print("Python", version, "on", sys.implementation.name)
squares = [n * n for n in range(1, 11)]
print("squares:", squares, "sum:", sum(squares))
