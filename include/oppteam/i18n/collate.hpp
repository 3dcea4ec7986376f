#pragma once
// Sorting names and texts as Norwegians expect: æ, ø, å after z, "Aa" with
// "Å", case and accents as tie-breakers only. Uses ICU's Collator for the
// locale nb (or nn; the rules are the same) because collation is exactly what
// a hand-written byte comparison gets wrong.

#include <oppteam/i18n/messages.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

class Collator {
 public:
  // Norwegian collation for nb and nn. Lang::en still sorts Norwegian data
  // in Norwegian order (the names are Norwegian whatever the language of
  // the messages).
  explicit Collator(Lang lang = Lang::nb);
  ~Collator();
  Collator(Collator&&) noexcept;
  Collator& operator=(Collator&&) noexcept;

  // <0, 0, >0 as `a` sorts before, with or after `b` (UTF-8 texts).
  int compare(std::string_view a, std::string_view b) const;
  bool operator()(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `text` with case folded (Unicode: "Østby" and "ØSTBY" both give "østby"),
// for comparing texts whatever their case.
std::string fold_case(std::string_view text);

// fold_word (how a value typed for an id of a closed set is compared with
// its id and labels, at the command line and in an import) is in
// util/nearest.hpp, with the suggestion of the nearest value.

// True when `needle` occurs in `haystack` ignoring case ("øst" finds
// "Østby"). An empty needle is found everywhere.
bool contains_folded(std::string_view haystack, std::string_view needle);

// The process-wide Norwegian collator (created on first use).
const Collator& norwegian_collator();

// True when `a` sorts before `b` in Norwegian order.
inline bool norwegian_less(std::string_view a, std::string_view b) { return norwegian_collator()(a, b); }

// Sorts texts in Norwegian order (stable).
inline void sort_norwegian(std::vector<std::string>& texts) {
  std::stable_sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) { return norwegian_less(a, b); });
}

// Sorts `items` by the text `key(item)` in Norwegian order (stable).
template <typename T, typename Key>
void sort_norwegian_by(std::vector<T>& items, Key key) {
  const Collator& c = norwegian_collator();
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return c.compare(key(a), key(b)) < 0; });
}

}  // namespace oppteam
