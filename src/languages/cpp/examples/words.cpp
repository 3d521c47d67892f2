// std::getline over stdin, std::string, std::vector and std::map: a word frequency count.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::map<std::string, int> counts;
  std::string line;
  int lines = 0;
  while (std::getline(std::cin, line)) {
    ++lines;
    std::istringstream words(line);
    std::string w;
    while (words >> w) {
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
      ++counts[w];
    }
  }
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), [](auto &a, auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::cout << lines << " lines, " << counts.size() << " distinct words\n";
  for (const auto &[word, n] : sorted) std::cout << n << " " << word << "\n";
}
