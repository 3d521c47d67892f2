// A calculator REPL: type an expression, get its value. + - * / % ^, parentheses, and
// variables (x = 2 * 3). "vars" lists them; Ctrl+D or "quit" ends.
#include <cctype>
#include <cmath>
#include <iostream>
#include <map>
#include <string>

class Parser {
 public:
  std::string error;

  Parser(const std::string &text, std::map<std::string, double> &vars) : s(text), vars(vars) {}

  double statement() {
    skip();
    size_t start = pos;
    if (std::isalpha((unsigned char)peek())) {
      std::string name = ident();
      skip();
      if (peek() == '=') {
        ++pos;
        double v = expr();
        end();
        if (error.empty()) vars[name] = v;
        return v;
      }
      pos = start;
    }
    double v = expr();
    end();
    return v;
  }

 private:
  const std::string &s;
  std::map<std::string, double> &vars;
  size_t pos = 0;

  char peek() const { return pos < s.size() ? s[pos] : '\0'; }
  void skip() {
    while (std::isspace((unsigned char)peek())) ++pos;
  }
  double fail(const std::string &why) {
    if (error.empty()) error = why;
    pos = s.size();
    return 0;
  }
  void end() {
    skip();
    if (pos != s.size()) fail("unexpected '" + std::string(1, peek()) + "'");
  }
  std::string ident() {
    size_t start = pos;
    while (std::isalnum((unsigned char)peek()) || peek() == '_') ++pos;
    return s.substr(start, pos - start);
  }
  double expr() {
    double v = term();
    for (skip(); peek() == '+' || peek() == '-'; skip()) v = s[pos++] == '+' ? v + term() : v - term();
    return v;
  }
  double term() {
    double v = power();
    for (skip(); peek() == '*' || peek() == '/' || peek() == '%'; skip()) {
      char op = s[pos++];
      double r = power();
      if (op != '*' && r == 0) return fail("division by zero");
      v = op == '*' ? v * r : op == '/' ? v / r : std::fmod(v, r);
    }
    return v;
  }
  double power() {
    double base = unary();
    skip();
    if (peek() == '^') {
      ++pos;
      return std::pow(base, power());
    }
    return base;
  }
  double unary() {
    skip();
    if (peek() == '-') {
      ++pos;
      return -unary();
    }
    return primary();
  }
  double primary() {
    skip();
    if (peek() == '(') {
      ++pos;
      double v = expr();
      skip();
      if (peek() != ')') return fail("missing ')'");
      ++pos;
      return v;
    }
    if (std::isdigit((unsigned char)peek()) || peek() == '.') {
      char *stop = nullptr;
      double v = std::strtod(s.c_str() + pos, &stop);
      if (stop == s.c_str() + pos) return fail("bad number");
      pos = stop - s.c_str();
      return v;
    }
    if (std::isalpha((unsigned char)peek())) {
      std::string name = ident();
      auto it = vars.find(name);
      if (it == vars.end()) return fail("unknown variable " + name);
      return it->second;
    }
    if (peek() == '\0') return fail("incomplete expression");
    return fail("unexpected '" + std::string(1, peek()) + "'");
  }
};

int main() {
  std::map<std::string, double> vars{{"pi", M_PI}, {"e", M_E}};
  std::cout << "calc: type an expression (e.g. (1 + 2) * 3 or x = 2 ^ 10), quit to end\n";
  std::string line;
  while (std::cout << "calc> " && std::getline(std::cin, line)) {
    if (line == "quit" || line == "exit") break;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (line == "vars") {
      for (const auto &[name, value] : vars) std::cout << "  " << name << " = " << value << '\n';
      continue;
    }
    Parser p(line, vars);
    double v = p.statement();
    if (p.error.empty())
      std::cout << "= " << v << '\n';
    else
      std::cout << "\x1b[31merror:\x1b[0m " << p.error << '\n';
  }
  std::cout << "bye\n";
}
