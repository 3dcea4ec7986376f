#include <oppteam/util/nearest.hpp>

#include <oppteam/util/text.hpp>

#include <algorithm>
#include <cctype>

namespace oppteam {

namespace {

// The folded form of one UTF-8 letter of Latin-1 Supplement, else "".
std::string_view fold_latin1(unsigned char lead, unsigned char cont) {
  if (lead != 0xC3) return {};
  switch (cont) {
    case 0x86: case 0xA6: return "ae";             // Æ æ
    case 0x98: case 0xB8: case 0x96: case 0xB6: return "o";  // Ø ø Ö ö
    case 0x85: case 0xA5: case 0x84: case 0xA4: case 0x80: case 0xA0: case 0x81: case 0xA1: return "a";  // Å å Ä ä À à Á á
    case 0x89: case 0xA9: case 0x88: case 0xA8: return "e";  // É é È è
    case 0x9C: case 0xBC: return "u";              // Ü ü
    case 0x93: case 0xB3: case 0x92: case 0xB2: return "o";  // Ó ó Ò ò
    default: return {};
  }
}

}  // namespace

// By hand: a dozen lines, and none of our libraries offers it.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string fold_word(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (i + 1 < text.size()) {
      if (auto f = fold_latin1(c, static_cast<unsigned char>(text[i + 1])); !f.empty()) {
        out += f;
        ++i;
        continue;
      }
    }
    if (c == '_' || c == '-') out += ' ';
    else out += char(std::tolower(c));
  }
  // Surrounding spaces do not count.
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& names) {
  std::vector<std::string> prefixed;
  for (const auto& n : names)
    if (word.size() >= 2 && n.rfind(word, 0) == 0) prefixed.push_back(n);
  if (prefixed.size() == 1) return prefixed.front();
  std::optional<std::string> best;
  std::size_t best_d = 0;
  for (const auto& n : names) {
    const auto d = edit_distance(word, n);
    if (!best || d < best_d) {
      best = n;
      best_d = d;
    }
  }
  const std::size_t limit = word.size() <= 3 ? 1 : 2;
  if (best && best_d <= limit) return best;
  return std::nullopt;
}

std::optional<std::string> nearest_id(std::string_view input, const std::vector<std::string>& ids, const NamingWords& words) {
  // Near an id first; else near another word naming one (its id then).
  auto guess_among = [&](const std::vector<std::string>& names) -> std::optional<std::size_t> {
    std::vector<std::string> folded;
    for (const auto& n : names) folded.push_back(fold_word(n));
    const auto guess = nearest(fold_word(input), folded);
    if (!guess) return std::nullopt;
    return std::size_t(std::find(folded.begin(), folded.end(), *guess) - folded.begin());
  };
  if (auto at = guess_among(ids)) return ids[*at];
  std::vector<std::string> names;
  for (const auto& w : words) names.push_back(w.first);
  if (auto at = guess_among(names)) return words[*at].second;
  return std::nullopt;
}

Error unknown_value(std::string key, std::vector<std::string> args, std::string_view input, const std::vector<std::string>& ids,
                    bool list_valid, const NamingWords& words) {
  Error e(ExitCode::data, std::move(key), std::move(args));
  if (list_valid) e.details.push_back({"choice.valid", {join(ids)}});
  if (auto guess = nearest_id(input, ids, words)) e.details.push_back({"choice.nearest", {*guess}});
  return e;
}

}  // namespace oppteam
