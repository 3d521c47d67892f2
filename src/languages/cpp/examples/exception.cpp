// An exception no handler catches: the program prints what was thrown and aborts (a trap),
// as a native build does.
#include <iostream>
#include <stdexcept>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 3};
  std::cout << "v.at(1) = " << v.at(1) << std::endl;
  std::cout << "v.at(10) = " << v.at(10) << std::endl;  // throws std::out_of_range
}
