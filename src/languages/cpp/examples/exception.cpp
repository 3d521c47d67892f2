// An uncaught exception: the program prints what was thrown and aborts (a trap).
// Catching needs an exception runtime that this toolchain's libc++ is built without.
#include <iostream>
#include <stdexcept>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 3};
  std::cout << "v.at(1) = " << v.at(1) << std::endl;
  std::cout << "v.at(10) = " << v.at(10) << std::endl;  // throws std::out_of_range
}
