// try/catch on WebAssembly exception handling: user types, the standard exceptions, catch by
// base class, rethrow, and destructors that run while the stack unwinds.
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct ParseError : std::runtime_error {
  int line;
  ParseError(const std::string &what, int line) : std::runtime_error(what), line(line) {}
};

struct Trace {  // says when it is destroyed, also during unwinding
  std::string name;
  explicit Trace(std::string n) : name(std::move(n)) { std::cout << "  enter " << name << "\n"; }
  ~Trace() { std::cout << "  leave " << name << "\n"; }
};

int parseNumber(const std::string &text, int line) {
  Trace t("parseNumber");
  try {
    return std::stoi(text);  // throws std::invalid_argument from inside libc++
  } catch (const std::invalid_argument &) {
    throw ParseError("not a number: '" + text + "'", line);
  }
}

int sumLines(const std::vector<std::string> &lines) {
  Trace t("sumLines");
  int sum = 0;
  for (size_t i = 0; i < lines.size(); i++) sum += parseNumber(lines[i], int(i) + 1);
  return sum;
}

int main() {
  for (auto input : {std::vector<std::string>{"1", "2", "39"}, {"4", "five", "6"}}) {
    try {
      int sum = sumLines(input);
      std::cout << "sum = " << sum << "\n";
    } catch (const ParseError &e) {  // our own type
      std::cout << "line " << e.line << ": " << e.what() << "\n";
    }
  }
  try {
    std::vector<int> v(3);
    v.at(7) = 1;
  } catch (const std::exception &e) {  // catch by base class
    std::cout << "std::exception: " << e.what() << "\n";
  }
  try {
    try {
      throw 42;
    } catch (int n) {
      std::cout << "caught " << n << ", rethrowing\n";
      throw;
    }
  } catch (...) {
    std::cout << "caught again by catch (...)\n";
  }
}
