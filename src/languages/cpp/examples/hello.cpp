// Hello world in C++ with iostream.
#include <iostream>

int main(int argc, char **argv) {
  std::cout << "Hello from C++, compiled in your browser!" << std::endl;
  for (int i = 1; i < argc; ++i) std::cout << "argv[" << i << "] = " << argv[i] << '\n';
  return 0;
}
