#include <oppteam/i18n/collate.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>

namespace oppteam {

struct Collator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

Collator::Collator(Lang lang) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(lang == Lang::nn ? "nn" : "nb");
  impl_->collator.reset(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !impl_->collator) {
    // ICU without its data cannot sort at all: fall back to the root
    // collation rather than fail every listing.
    status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !impl_->collator) throw std::runtime_error("ICU collator unavailable");
  }
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const auto r = impl_->collator->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                              icu::StringPiece(b.data(), int32_t(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);
  // Equal under collation (e.g. differing only in ignorable characters):
  // fall back to the bytes so the order is total and deterministic.
  if (r == UCOL_EQUAL) return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
  return r == UCOL_LESS ? -1 : 1;
}

const Collator& norwegian_collator() {
  static const Collator instance(Lang::nb);
  return instance;
}

std::string fold_case(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

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

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return needle.empty() || fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

}  // namespace oppteam
